using System.Diagnostics;

namespace Bpm.Engine.Storage.Telemetry;

/// <summary>The engine's traces: activity source <c>Bpm.Engine</c>, one span per command.</summary>
public static class EngineTracing
{
    public const string SourceName = "Bpm.Engine";

    public static readonly ActivitySource Source = new(SourceName);
}
