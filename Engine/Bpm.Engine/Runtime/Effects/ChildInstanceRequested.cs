using System.Text.Json.Nodes;

namespace Bpm.Engine.Runtime.Effects;

/// <summary>A call activity wants an instance of another process started, in the same transaction.</summary>
public sealed record ChildInstanceRequested(
    string TokenId,
    string ChildInstanceId,
    string ProcessKey,
    string Binding,
    int? Version,
    JsonObject Variables,
    string? BusinessKey) : RuntimeEffect;
