using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Tests.Events;

public sealed class MessageEventBehaviorTests
{
    [Fact]
    public void Should_wait_for_the_message_with_the_correlation_key_evaluated_at_the_wait()
    {
        var run = ProcessHarness.Start("messages.bpmn", """{"callId": "CA-77"}""");
        var subscribed = Assert.Single(run.Effects.OfType<MessageSubscribed>());
        Assert.Equal(("callSummary", "CA-77"), (subscribed.MessageName, subscribed.CorrelationKey));

        run.Correlate("callSummary", """{"summary": "promised to pay"}""");

        Assert.Equal("promised to pay", run.Variable("summary")!.GetValue<string>());
        Assert.Equal(["awaitPayment"], run.Waiting);
        Assert.Contains(run.Effects, e => e is MessageUnsubscribed u && u.SubscriptionId == subscribed.SubscriptionId);
    }

    [Fact]
    public void Should_complete_a_receive_task_when_its_message_arrives()
    {
        var run = ProcessHarness.Start("messages.bpmn", """{"callId": "1"}""").Correlate("callSummary").Correlate("paymentCompleted");
        Assert.Equal("paid", run.Path[^1]);
        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.Empty(run.Instance.Messages);
    }

    [Fact]
    public void Should_interrupt_the_receive_task_on_a_boundary_message()
    {
        var run = ProcessHarness.Start("messages.bpmn", """{"callId": "1"}""").Correlate("callSummary").Correlate("cancelRequested");
        Assert.Equal(["cancelled", "voided"], run.Path.TakeLast(2));
        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.Empty(run.Instance.Messages);
    }

    [Fact]
    public void Should_keep_the_receive_task_waiting_on_a_non_interrupting_boundary_message_and_accept_it_again()
    {
        var run = ProcessHarness.Start("messages.bpmn", """{"callId": "1"}""").Correlate("callSummary").Correlate("customerNudged").Correlate("customerNudged");
        Assert.Equal(2, run.Path.Count(a => a == "nudgeLogged"));
        Assert.Equal(["awaitPayment"], run.Waiting);
        Assert.Contains(run.Instance.Messages, m => m.MessageName == "customerNudged");
    }

    [Fact]
    public void Should_raise_an_incident_when_the_correlation_key_cannot_be_evaluated()
    {
        var run = ProcessHarness.Start("messages.bpmn");
        var incident = Assert.Single(run.Incidents);
        Assert.Equal("waitSummary", incident.ActivityId);
        Assert.Empty(run.Instance.Messages);
    }

    [Fact]
    public void Should_start_an_instance_at_a_message_start_event()
    {
        var definition = Fixture.Definition("message-start.bpmn");
        var start = Assert.Single(definition.MessageStartEvents);
        Assert.Equal("messageStartEvent", start.ActivityType);

        var result = new ProcessRuntime(TimeProvider.System).StartAt(definition, "pmsSync:1", start.Id, "tenant-9", new System.Text.Json.Nodes.JsonObject { ["connectionId"] = "c-1" });

        Assert.Equal("sync", Assert.Single(result.Instance.Tokens).NodeId);
        Assert.Equal("c-1", result.Instance.Variables["connectionId"]!.GetValue<string>());
    }
}
