namespace Bpm.Engine.Model;

/// <summary>An input or output mapping: the value of <see cref="Source"/> is written to <see cref="Target"/>.</summary>
public sealed record VariableMapping(string Target, string Source);
