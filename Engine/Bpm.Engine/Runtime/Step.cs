namespace Bpm.Engine.Runtime;

/// <summary>One named unit of execution taken from the command's queue.</summary>
internal abstract record Step(Token Token)
{
    /// <summary>The token enters its node: history starts, inputs are mapped, the node's behavior runs.</summary>
    internal sealed record Activate(Token Token) : Step(Token);

    /// <summary>The token's node is done: outputs are mapped, the behavior chooses how to leave.</summary>
    internal sealed record Complete(Token Token) : Step(Token);
}
