using System.Text;

namespace Bpm.Bench.Infrastructure;

/// <summary>JSON bodies for the REST calls the scenarios make.</summary>
public static class Json
{
    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");
}
