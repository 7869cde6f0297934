using Bpm.Workers.Approvals;
using Bpm.Workers.Sdk;
using Bpm.Workers.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bpm.Workers.Tests.Approvals;

public sealed class RecordDecisionHandlerTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private readonly RecordDecisionHandler _handler = new(new FixedTime(Now), NullLogger<RecordDecisionHandler>.Instance);

    [Fact]
    public async Task Should_record_an_approval_with_who_decided_and_when()
    {
        var variables = Tasks.Completed(await _handler.HandleAsync(
            Tasks.Create("record-decision", new() { ["approved"] = true, ["amount"] = 2500, ["approver"] = "bob" }), default));

        Assert.Equal("approved", variables["decision"]!.GetValue<string>());
        Assert.Equal("bob", variables["decidedBy"]!.GetValue<string>());
        Assert.Equal(Now, variables["decisionRecordedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Should_record_an_automatic_rejection()
    {
        var variables = Tasks.Completed(await _handler.HandleAsync(Tasks.Create("record-decision", new() { ["approved"] = false }), default));

        Assert.Equal("rejected", variables["decision"]!.GetValue<string>());
        Assert.Equal("automatic", variables["decidedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_refuse_a_decision_that_is_not_a_boolean()
    {
        var error = await Assert.ThrowsAsync<TaskVariableException>(() =>
            _handler.HandleAsync(Tasks.Create("record-decision", new() { ["approved"] = "maybe" }), default));

        Assert.Contains("'approved'", error.Message);
    }
}
