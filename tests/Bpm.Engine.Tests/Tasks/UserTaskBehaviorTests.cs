using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Tests.Tasks;

public sealed class UserTaskBehaviorTests
{
    [Fact]
    public void Should_create_a_task_with_Camunda_7_assignment_form_due_date_and_priority()
    {
        var run = ProcessHarness.Start("user-task.bpmn", """{"initiator": "alice"}""");
        var task = Assert.Single(run.Effects.OfType<UserTaskCreated>());
        Assert.Equal("review", task.ActivityId);
        Assert.Equal("Review", task.Name);
        Assert.Equal("alice", task.Assignee);
        Assert.Equal(["managers", "finance"], task.CandidateGroups);
        Assert.Equal(["carol"], task.CandidateUsers);
        Assert.Equal("embedded:app:forms/review.html", task.FormKey);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), task.Due);
        Assert.Equal(70, task.Priority);
    }

    [Fact]
    public void Should_create_a_task_with_Camunda_8_assignment_and_form()
    {
        var run = ProcessHarness.Start("user-task.bpmn", """{"initiator": "alice", "approverGroups": ["board", "cfo"]}""").Complete("review");
        var task = run.Effects.OfType<UserTaskCreated>().Single(t => t.ActivityId == "approve");
        Assert.Null(task.Assignee);
        Assert.Equal(["board", "cfo"], task.CandidateGroups);
        Assert.Equal("camunda-forms:approval-form", task.FormKey);
        Assert.Equal(50, task.Priority);
    }

    [Fact]
    public void Should_apply_output_mappings_when_completed()
    {
        var run = ProcessHarness.Start("user-task.bpmn", """{"initiator": "alice", "approverGroups": []}""")
            .Complete("review")
            .Complete("approve", """{"decision": "yes"}""");
        Assert.True(run.Variable("approved")!.GetValue<bool>());
        Assert.False(run.Instance.Variables.ContainsKey("decision"));
        Assert.Equal(InstanceState.Completed, run.Instance.State);
    }

    [Fact]
    public void Should_raise_an_incident_when_the_assignee_expression_fails()
    {
        var run = ProcessHarness.Start("user-task.bpmn");
        var incident = Assert.Single(run.Incidents);
        Assert.Equal("review", incident.ActivityId);
        Assert.Contains("assignee", incident.Message);
        Assert.Empty(run.Effects.OfType<UserTaskCreated>());
    }
}
