using System.Text.Json.Nodes;
using Bpm.Workers.Cases;
using Bpm.Workers.Pms;
using Bpm.Workers.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Bpm.Workers.Tests.Cases;

public sealed class CaseCallHandlersTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private CaseStore Store() =>
        new(new PmsDatabase(Options.Create(new PmsOptions { ConnectionString = database.ConnectionString }), TimeProvider.System), TimeProvider.System);

    private async Task<string> OpenCaseAsync(TimeSpan dueIn, string phone = "+34600000009")
    {
        var id = "case-" + Guid.NewGuid().ToString("N")[..8];
        await using (await new PmsDatabase(Options.Create(new PmsOptions { ConnectionString = database.ConnectionString }), TimeProvider.System).OpenAsync(default)) { }
        await database.ExecuteAsync("INSERT INTO debt_cases (id, tenant_id, debtor_name, phone, next_call_at) VALUES ($1, 't1', 'Ana', $2, $3)",
            id, phone, DateTimeOffset.UtcNow + dueIn);
        return id;
    }

    [Fact]
    public async Task Should_claim_due_cases_once_and_leave_the_rest()
    {
        var due = await OpenCaseAsync(TimeSpan.FromMinutes(-5));
        var later = await OpenCaseAsync(TimeSpan.FromHours(3));

        var first = Tasks.Completed(await new SelectDueCasesHandler(Store()).HandleAsync(Tasks.Create("select-due-cases", new() { ["limit"] = 1000 }), default));
        var second = Tasks.Completed(await new SelectDueCasesHandler(Store()).HandleAsync(Tasks.Create("select-due-cases", new() { ["limit"] = 1000 }), default));

        var claimed = first["cases"]!.AsArray().Select(c => c!["caseId"]!.GetValue<string>()).ToList();
        Assert.Contains(due, claimed);
        Assert.DoesNotContain(later, claimed);
        Assert.DoesNotContain(second["cases"]!.AsArray(), c => c!["caseId"]!.GetValue<string>() == due);
        var mine = first["cases"]!.AsArray().Single(c => c!["caseId"]!.GetValue<string>() == due)!;
        Assert.Equal("+34600000009", mine["phone"]!.GetValue<string>());
        Assert.Equal("calling", await database.ScalarAsync<string>($"SELECT status FROM debt_cases WHERE id = '{due}'"));
        Assert.Equal("open", await database.ScalarAsync<string>($"SELECT status FROM debt_cases WHERE id = '{later}'"));
    }

    [Fact]
    public async Task Should_log_the_summary_once_per_call_and_mark_the_case_called()
    {
        var id = await OpenCaseAsync(TimeSpan.FromMinutes(-1));
        var variables = new JsonObject { ["case"] = new JsonObject { ["caseId"] = id, ["phone"] = "+34600000009" }, ["callSid"] = "CA" + id, ["summary"] = "Promised to pay Friday" };

        Tasks.Completed(await new SyncCallSummaryHandler(Store()).HandleAsync(Tasks.Create("sync-call-summary", variables.DeepClone().AsObject()), default));
        var again = Tasks.Completed(await new SyncCallSummaryHandler(Store()).HandleAsync(Tasks.Create("sync-call-summary", variables.DeepClone().AsObject()), default));

        Assert.True(again["summarySynced"]!.GetValue<bool>());
        Assert.Equal(1L, await database.ScalarAsync<long>($"SELECT count(*) FROM interaction_logs WHERE case_id = '{id}'"));
        Assert.Equal("Promised to pay Friday", await database.ScalarAsync<string>($"SELECT summary FROM interaction_logs WHERE provider_ref = 'CA{id}'"));
        Assert.Equal("called", await database.ScalarAsync<string>($"SELECT status FROM debt_cases WHERE id = '{id}'"));
    }

    [Fact]
    public async Task Should_mark_a_call_without_summary()
    {
        var id = await OpenCaseAsync(TimeSpan.FromMinutes(-1));

        var outcome = await new MarkSummaryMissingHandler(Store()).HandleAsync(
            Tasks.Create("mark-summary-missing", new() { ["case"] = new JsonObject { ["caseId"] = id }, ["callSid"] = "CX" + id }), default);

        Assert.True(Tasks.Completed(outcome)["summaryMissing"]!.GetValue<bool>());
        Assert.Equal("summary-missing", await database.ScalarAsync<string>($"SELECT status FROM interaction_logs WHERE provider_ref = 'CX{id}'"));
        Assert.Equal("summary-missing", await database.ScalarAsync<string>($"SELECT status FROM debt_cases WHERE id = '{id}'"));
    }

    [Fact]
    public async Task Should_fail_without_retries_when_the_database_is_not_configured()
    {
        var store = new CaseStore(new PmsDatabase(Options.Create(new PmsOptions()), TimeProvider.System), TimeProvider.System);

        var outcome = await new SelectDueCasesHandler(store).HandleAsync(Tasks.Create("select-due-cases", new()), default);

        Assert.Equal("PMS database (Bpm:Integrations:Pms:ConnectionString) not configured", Tasks.Failed(outcome).Message);
        Assert.Equal(0, Tasks.Failed(outcome).Retries);
    }
}
