namespace Bpm.Designer.Engine;

/// <summary>A remote engine named in configuration (<c>Bpm:Designer:EngineUrl</c>).</summary>
public sealed class ConfiguredEngineAddress(Uri baseAddress) : IEngineAddress
{
    public Uri BaseAddress { get; } = baseAddress;
}
