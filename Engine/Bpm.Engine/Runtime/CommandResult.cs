using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Runtime;

/// <summary>The instance after a command, and what the command changed, in order.</summary>
public sealed record CommandResult(ProcessInstance Instance, IReadOnlyList<RuntimeEffect> Effects);
