namespace Bpm.Engine.Host.Tests.Infrastructure;

/// <summary>The review of <c>Fixtures/user-task.bpmn</c>: the variables it starts with (no initiator; the board approves).</summary>
public static class ReviewFixture
{
    public const string Variables = """{"initiator": {"value": null, "type": "Null"}, "approverGroups": {"value": "[\"board\"]", "type": "Json"}}""";
}
