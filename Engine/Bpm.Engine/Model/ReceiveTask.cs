namespace Bpm.Engine.Model;

/// <summary>A receive task: the token waits for a message.</summary>
public sealed record ReceiveTask(string Id, string? Name, string ScopeId, MessageEventDefinition Message) : FlowNode(Id, Name, ScopeId)
{
    public override string ActivityType => "receiveTask";
    public override bool IsWaitState => true;
}
