using System.Text.Json.Serialization;

namespace Bpm.Bench;

/// <summary>One measured figure, with the baseline it is compared against in the same run.</summary>
public sealed record BenchResult(
    [property: JsonPropertyName("scenario")] string Scenario,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("baseline")] string? Baseline = null,
    [property: JsonPropertyName("baseline_value")] double? BaselineValue = null)
{
    [JsonPropertyName("ratio")]
    public double? Ratio => BaselineValue is > 0 ? Math.Round(Value / BaselineValue.Value, 3) : null;
}
