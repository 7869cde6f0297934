using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Tests.Runtime;

public sealed class AsyncContinuationTests
{
    [Fact]
    public void Should_stop_before_and_after_the_node_until_a_job_continues_it()
    {
        var run = ProcessHarness.Start("async-continuation.bpmn", """{"amount": 21}""");
        Assert.Equal(["start", "score"], run.Path);
        Assert.Equal(AsyncStep.Before, Assert.Single(run.Instance.Tokens).PendingContinuation);
        Assert.Null(run.Variable("score"));

        run.ContinueOnce();
        Assert.Equal(42, run.Variable("score")!.GetValue<decimal>());
        Assert.Equal(AsyncStep.After, Assert.Single(run.Instance.Tokens).PendingContinuation);

        run.ContinueOnce();
        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.Equal(2, run.Effects.OfType<ContinuationScheduled>().Count());
    }
}
