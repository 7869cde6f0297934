using Bpm.Engine.Model;
using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;
using Bpm.Engine.Timers;

namespace Bpm.Engine.Tests.Models;

/// <summary>The seed processes the host deploys at start, run under a virtual clock with workers answering here.</summary>
public sealed class SeedProcessTests
{
    [Fact]
    public void Daily_full_sync_runs_at_four_every_day_syncs_every_entity_with_retries_and_reports_all_results()
    {
        var definition = Fixture.Definition("models/daily-full-sync.bpmn");
        var start = Assert.Single(definition.TimerStartEvents);
        Assert.True(StartTimer.TryFirst(start.Timer!, ProcessHarness.Epoch.AddHours(5), out var schedule, out _));
        Assert.Equal(ProcessHarness.Epoch.AddDays(1).AddHours(4), schedule!.Due);
        foreach (var step in new[] { "syncUsers", "syncProperties", "syncBookings", "syncLegacyNps" })
        {
            var task = Assert.IsType<ServiceTask>(definition.Node(step));
            Assert.Equal(2, task.Retries);
            Assert.Equal(TimeSpan.FromMinutes(5), task.RetryBackoff);
        }

        var run = ProcessHarness.StartAt("models/daily-full-sync.bpmn", "every4am");
        var users = run.TaskVariables("syncUsers");
        Assert.Equal(("users", true, "prod"), (users["entity"]!.GetValue<string>(), users["chainDealsSync"]!.GetValue<bool>(), users["env"]!.GetValue<string>()));
        run.Complete("syncUsers", """{"result": {"status": "done", "synced": 120}}""");
        Assert.Equal(("properties", "prod"), (run.TaskVariables("syncProperties")["entity"]!.GetValue<string>(), run.TaskVariables("syncProperties")["env"]!.GetValue<string>()));
        run.Complete("syncProperties", """{"result": {"status": "done"}}""").Complete("syncBookings", """{"result": {"status": "done"}}""");
        Assert.Equal("firebase-legacy-responses", run.TaskVariables("syncLegacyNps")["entity"]!.GetValue<string>());
        run.Complete("syncLegacyNps", """{"result": {"status": "done"}}""");

        var summary = run.TaskVariables("sendSummary");
        Assert.Equal("Daily full sync (prod)", summary["title"]!.GetValue<string>());
        Assert.Equal(120, summary["usersResult"]!["synced"]!.GetValue<int>());
        Assert.All(new[] { "propertiesResult", "bookingsResult", "npsResult" }, name => Assert.Equal("done", summary[name]!["status"]!.GetValue<string>()));
        run.Complete("sendSummary");
        Assert.Equal(InstanceState.Completed, run.Instance.State);
    }

    [Fact]
    public void Daily_full_sync_runs_against_dev_when_started_with_env_dev()
    {
        var run = ProcessHarness.StartAt("models/daily-full-sync.bpmn", "every4am", """{"env": "dev"}""");
        Assert.Equal("dev", run.TaskVariables("syncUsers")["env"]!.GetValue<string>());
    }

    [Fact]
    public void Hourly_NPS_sync_runs_every_hour()
    {
        var start = Assert.Single(Fixture.Definition("models/hourly-nps-sync.bpmn").TimerStartEvents);
        Assert.True(StartTimer.TryFirst(start.Timer!, ProcessHarness.Epoch.AddMinutes(10), out var schedule, out _));
        Assert.Equal(ProcessHarness.Epoch.AddHours(1), schedule!.Due);
        Assert.Equal(ProcessHarness.Epoch.AddHours(2), schedule.AfterFiring()!.Due);
        var run = ProcessHarness.StartAt("models/hourly-nps-sync.bpmn", "everyHour").Complete("syncLegacyNps");
        Assert.Equal(InstanceState.Completed, run.Instance.State);
    }

    [Fact]
    public void PMS_sync_starts_on_its_message_with_connection_and_tenant()
    {
        var definition = Fixture.Definition("models/pms-sync.bpmn");
        Assert.Equal("pms-sync-requested", Assert.Single(definition.MessageStartEvents).Message!.MessageName);
        var run = ProcessHarness.StartAt("models/pms-sync.bpmn", "requested", """{"connectionId": "conn-1", "tenantId": "t-9"}""");
        Assert.Equal("t-9", run.TaskVariables("syncPms")["tenantId"]!.GetValue<string>());
        run.Complete("syncPms");
        Assert.Equal(InstanceState.Completed, run.Instance.State);
    }

    [Fact]
    public void Payment_reminds_at_12_and_20_hours_and_expires_at_24()
    {
        var run = ProcessHarness.Start("models/payment.bpmn").Complete("createCheckout", """{"checkoutUrl": "https://pay/1"}""").Complete("sendLink");
        run.Advance(TimeSpan.FromHours(12));
        Assert.Equal(["awaitPayment", "firstReminder"], run.Waiting);
        run.Complete("firstReminder").Advance(TimeSpan.FromHours(8));
        Assert.Equal(["awaitPayment", "secondReminder"], run.Waiting);
        run.Complete("secondReminder").Advance(TimeSpan.FromHours(4));

        Assert.Equal(["expireCheckout"], run.Waiting);
        run.Complete("expireCheckout");
        Assert.Equal("expired", run.Path[^1]);
        Assert.Equal(InstanceState.Completed, run.Instance.State);
    }

    [Fact]
    public void Payment_completes_when_the_checkout_is_paid_and_withdraws_every_reminder()
    {
        var run = ProcessHarness.Start("models/payment.bpmn").Complete("createCheckout").Complete("sendLink")
            .Advance(TimeSpan.FromHours(13)).Complete("firstReminder").Correlate("checkout-completed", """{"amountPaid": 4900}""");

        Assert.Equal("paid", run.Path[^1]);
        Assert.Empty(run.Instance.Timers);
        Assert.Equal(InstanceState.Completed, run.Instance.State);
    }

    [Fact]
    public void Case_calls_call_every_due_case_and_wait_for_each_summary_with_a_timeout()
    {
        var run = ProcessHarness.StartAt("models/case-calls.bpmn", "every15Minutes")
            .Complete("selectDueCases", """{"cases": [{"caseId": "C-1"}, {"caseId": "C-2"}]}""");
        Assert.Equal(["callCase", "callCase", "placeCall", "placeCall"], run.Waiting);

        run.CompleteWhere("placeCall", v => v["case"]!["caseId"]!.GetValue<string>() == "C-1", """{"callSid": "CA-1"}""")
           .CompleteWhere("placeCall", v => v["case"]!["caseId"]!.GetValue<string>() == "C-2", """{"callSid": "CA-2"}""");
        Assert.Equal(["CA-1", "CA-2"], run.Instance.Messages.Select(m => m.CorrelationKey).Order());
        Assert.False(run.Instance.Variables.ContainsKey("callSid"));

        run.CorrelateKey("call-summary", "CA-2", """{"summary": "promised to pay"}""").Complete("syncSummary");
        run.Advance(TimeSpan.FromHours(2));
        Assert.Equal(["callCase", "markMissing"], run.Waiting);
        run.Complete("markMissing");

        Assert.Equal("allCalled", run.Path[^1]);
        Assert.Equal(InstanceState.Completed, run.Instance.State);
    }

    [Fact]
    public void Demo_booking_undoes_the_calendar_event_and_appointment_when_a_step_fails()
    {
        var run = ProcessHarness.Start("models/booking-saga.bpmn")
            .Complete("createCalendarEvent", """{"eventId": "ev-1"}""").Complete("createAppointment", """{"appointmentId": "ap-1"}""")
            .ThrowError("updateLeadStage", "HUBSPOT_DOWN", "503 from HubSpot");

        Assert.Equal(["cancelCalendarEvent"], run.Waiting);
        Assert.Equal("ev-1", run.TaskVariables("cancelCalendarEvent")["eventId"]!.GetValue<string>());
        Assert.Equal("HUBSPOT_DOWN", run.Variable("failureCode")!.GetValue<string>());
        run.Complete("cancelCalendarEvent").Complete("markAppointmentCancelled");
        Assert.Equal("bookingUndone", run.Path[^1]);
        Assert.DoesNotContain("startReminders", run.Path);
    }

    [Fact]
    public void Demo_booking_starts_reminders_when_every_step_succeeds()
    {
        var run = ProcessHarness.Start("models/booking-saga.bpmn")
            .Complete("createCalendarEvent").Complete("createAppointment").Complete("updateLeadStage").Complete("sendConfirmation").Complete("startReminders");
        Assert.Equal("demoBooked", run.Path[^1]);
        Assert.DoesNotContain(run.Effects, e => e is ActivityStarted { ActivityId: "cancelCalendarEvent" });
    }

    [Fact]
    public void Employee_onboarding_goes_through_contract_signature_parallel_setup_and_welcome()
    {
        var run = ProcessHarness.Start("models/employee-onboarding.bpmn", """{"manager": "maria"}""");
        Assert.Equal(["hr"], run.Effects.OfType<UserTaskCreated>().Single().CandidateGroups);

        run.Complete("prepareContract").Complete("collectSignature");
        Assert.Equal(["createAccounts", "prepareDesk"], run.Waiting);
        run.Complete("prepareDesk").Complete("createAccounts");

        Assert.Equal("maria", run.Effects.OfType<UserTaskCreated>().Single(t => t.ActivityId == "welcome").Assignee);
        run.Complete("welcome");
        Assert.Equal(InstanceState.Completed, run.Instance.State);
    }

    [Fact]
    public void Employee_onboarding_sends_an_unsigned_contract_back_to_HR_after_five_days()
    {
        var run = ProcessHarness.Start("models/employee-onboarding.bpmn", """{"manager": "maria"}""").Complete("prepareContract").Advance(TimeSpan.FromDays(5));
        Assert.Equal(["prepareContract"], run.Waiting);
        Assert.Equal(2, run.Path.Count(a => a == "prepareContract"));
    }

    private const string Demo = """{"demoAt": "2026-11-26T10:00:00Z", "demoEndsAt": "2026-11-26T10:45:00Z"}""";

    [Fact]
    public void Follow_ups_remind_24_hours_and_30_minutes_before_and_follow_up_2_minutes_after_the_demo()
    {
        var run = ProcessHarness.Start("models/follow-ups.bpmn", Demo);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), run.Instance.Timers.Single(t => t.ElementId == "dayBefore").DueAt);

        run.Advance(TimeSpan.FromHours(34));
        Assert.Contains("remind24h", run.Waiting);
        Assert.DoesNotContain("remind30m", run.Waiting);
        run.Complete("remind24h").Advance(TimeSpan.FromHours(23.5));
        Assert.Contains("remind30m", run.Waiting);
        run.Complete("remind30m").Advance(TimeSpan.FromMinutes(30 + 45 + 1));
        Assert.DoesNotContain("sendFollowUp", run.Waiting);
        run.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("sendFollowUp", run.Waiting);
    }

    [Fact]
    public void Follow_ups_re_engage_at_24_60_and_168_hours_until_the_customer_replies()
    {
        var run = ProcessHarness.Start("models/follow-ups.bpmn", Demo).Advance(TimeSpan.FromDays(3));
        run.Complete("remind24h").Complete("remind30m").Complete("sendFollowUp");
        var followedUpAt = run.Clock.GetUtcNow();

        run.Advance(TimeSpan.FromHours(24));
        run.Complete("reengage24h").Advance(TimeSpan.FromHours(36));
        run.Complete("reengage60h").Advance(TimeSpan.FromHours(100));
        Assert.DoesNotContain("reengage168h", run.Waiting);
        run.Correlate("customer-replied");

        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.Equal("done", run.Path[^1]);
        Assert.True(run.Clock.GetUtcNow() - followedUpAt >= TimeSpan.FromHours(160));
    }

    [Fact]
    public void Follow_ups_nudge_12_hours_after_the_customer_will_look_later()
    {
        var run = ProcessHarness.Start("models/follow-ups.bpmn", Demo).Advance(TimeSpan.FromDays(3));
        run.Complete("remind24h").Complete("remind30m").Complete("sendFollowUp").Correlate("customer-will-look-later").Advance(TimeSpan.FromHours(12));

        Assert.Contains("nudge", run.Waiting);
        Assert.Contains("reengage", run.Waiting);
    }
}
