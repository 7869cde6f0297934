using Bpm.Contracts.Live;
using Bpm.Designer.Engine;
using Bpm.Designer.People;
using Bpm.Designer.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bpm.Designer.Tests.Components;

public sealed class TasksPageTests : BunitContext
{
    private const string Definitions = """[{"id":"expense:1:abc","key":"expense","version":1,"name":"Expense"}]""";
    private const string GroupTask = """[{"id":"t1","name":"Approve expense","created":"2026-01-02T10:00:00.000+0000","processDefinitionId":"expense:1:abc","taskDefinitionKey":"approve"}]""";
    private const string OwnTask = """[{"id":"t1","name":"Approve expense","assignee":"approver","created":"2026-01-02T10:00:00.000+0000","processDefinitionId":"expense:1:abc","taskDefinitionKey":"approve"}]""";

    private readonly FakeEngine _engine = new();
    private readonly FakeTaskFeed _feed = new();

    public TasksPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(new EngineClient(_engine.Client()));
        var current = new CurrentUser(Options.Create(new DesignerOptions { ApiKey = "k" }));
        current.SignIn(new DesignerUser { Id = "approver", Groups = ["approvers"] });
        Services.AddSingleton(current);
        Services.AddSingleton<ITaskFeed>(_feed);
        _engine.On("GET", "process-definition", Definitions)
            .On("GET", "task?assignee=approver", "[]")
            .On("GET", "task?candidateUser=approver", "[]")
            .On("GET", "task?candidateGroups=approvers", GroupTask)
            .On("GET", "task/t1/form-variables", """{"amount":{"value":2500,"type":"Long","valueInfo":{}}}""");
    }

    [Fact]
    public void Should_list_the_tasks_of_the_users_groups_with_their_process()
    {
        var page = Render<Bpm.Designer.Pages.Tasks>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#task-list tbody tr")));
        var row = page.Find("#task-list tbody tr");
        Assert.Contains("Approve expense", row.TextContent);
        Assert.Contains("expense", row.TextContent);
        Assert.NotNull(row.QuerySelector(".bpm-claim"));
        Assert.Contains(_engine.Requests, r => r.PathAndQuery == "task?candidateGroups=approvers");
    }

    [Fact]
    public void Should_claim_for_the_current_user_and_complete_with_the_generated_form()
    {
        var page = Render<Bpm.Designer.Pages.Tasks>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".bpm-claim")));
        _engine.On("GET", "task?assignee=approver", OwnTask).On("GET", "task?candidateGroups=approvers", "[]");

        page.Find(".bpm-claim").Click();

        page.WaitForAssertion(() => Assert.Contains("Claimed Approve expense", page.Find("#tasks-message").TextContent));
        var claim = Assert.Single(_engine.Requests, r => r.Method == "POST" && r.PathAndQuery == "task/t1/claim");
        Assert.Contains("\"userId\":\"approver\"", claim.Body);
        page.WaitForAssertion(() => Assert.Equal("2500", page.Find("#var-amount").GetAttribute("value")));
        Assert.NotNull(page.Find(".bpm-unclaim"));

        page.Find("#var-amount").Change("3000");
        _engine.On("GET", "task?assignee=approver", "[]");
        page.Find("#complete-task").Click();

        page.WaitForAssertion(() => Assert.Contains("Completed Approve expense", page.Find("#tasks-message").TextContent));
        var complete = Assert.Single(_engine.Requests, r => r.Method == "POST" && r.PathAndQuery == "task/t1/complete");
        Assert.Contains("\"amount\":{\"value\":3000,\"type\":\"Long\"", complete.Body);
        Assert.NotNull(page.Find("#no-tasks"));
    }

    [Fact]
    public void Should_unclaim_an_own_task()
    {
        _engine.On("GET", "task?assignee=approver", OwnTask).On("GET", "task?candidateGroups=approvers", "[]");
        var page = Render<Bpm.Designer.Pages.Tasks>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".bpm-unclaim")));

        page.Find(".bpm-unclaim").Click();

        page.WaitForAssertion(() => Assert.Contains("Returned Approve expense to the group", page.Find("#tasks-message").TextContent));
        Assert.Single(_engine.Requests, r => r.Method == "POST" && r.PathAndQuery == "task/t1/unclaim");
    }

    [Fact]
    public void Should_show_the_engines_error_when_a_claim_is_refused()
    {
        var page = Render<Bpm.Designer.Pages.Tasks>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".bpm-claim")));
        _engine.OnError("POST", "task/t1/claim", """{"type":"TaskAlreadyClaimedException","message":"Task 't1' is already claimed by someone else"}""");

        page.Find(".bpm-claim").Click();

        page.WaitForAssertion(() => Assert.Contains("already claimed by someone else", page.Find("#tasks-message.bpm-error").TextContent));
    }

    [Fact]
    public async Task Should_show_a_new_task_when_the_engine_tells_of_it_without_a_refresh()
    {
        _engine.On("GET", "task?candidateGroups=approvers", "[]");
        var page = Render<Bpm.Designer.Pages.Tasks>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-tasks")));
        Assert.Equal("live", page.Find("#live-status").TextContent);

        _engine.On("GET", "task?candidateGroups=approvers", GroupTask);
        await page.InvokeAsync(() => _feed.TellAsync(new TaskChangedDto("created", "t1", "p1", "expense", "Approve expense", null)));

        page.WaitForAssertion(() => Assert.Contains("Approve expense", page.Find("#task-list tbody tr").TextContent));
    }

    [Fact]
    public void Should_say_the_list_is_not_live_when_the_engine_cannot_be_listened_to()
    {
        _feed.Refusal = new HttpRequestException("Response status code does not indicate success: 401 (Unauthorized).");

        var page = Render<Bpm.Designer.Pages.Tasks>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#task-list tbody tr")));
        Assert.Contains("not live", page.Find("#live-status").TextContent);
    }

    [Fact]
    public async Task Should_stop_listening_when_the_page_is_left()
    {
        var page = Render<Bpm.Designer.Pages.Tasks>();
        page.WaitForAssertion(() => Assert.True(_feed.Subscribed));

        await DisposeComponentsAsync();

        Assert.False(_feed.Subscribed);
    }

    [Fact]
    public void Should_set_the_due_and_follow_up_dates_of_the_selected_task()
    {
        var page = Render<Bpm.Designer.Pages.Tasks>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#task-list tbody tr")));
        page.Find("#task-list tbody tr a").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#task-due")));

        page.Find("#task-due").Input("2027-03-01T17:00");
        page.Find("#task-follow-up").Input("2027-02-25T09:00");
        page.Find(".bpm-task-dates").Submit();

        page.WaitForAssertion(() => Assert.Contains("Set the dates of Approve expense", page.Find("#tasks-message").TextContent));
        var put = Assert.Single(_engine.Requests, r => r.Method == "PUT" && r.PathAndQuery == "task/t1");
        var due = new DateTimeOffset(new DateTime(2027, 3, 1, 17, 0, 0), TimeZoneInfo.Local.GetUtcOffset(new DateTime(2027, 3, 1, 17, 0, 0)));
        Assert.Contains($"\"due\":\"{Bpm.Contracts.CamundaDateConverter.Format(due)}\"", put.Body);
        Assert.Contains("\"name\":\"Approve expense\"", put.Body);
        Assert.Contains("\"followUp\":\"2027-02-25T09:00:00.000", put.Body);
    }

    [Fact]
    public void Should_refuse_a_follow_up_date_after_the_due_date_without_asking_the_engine()
    {
        var page = Render<Bpm.Designer.Pages.Tasks>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#task-list tbody tr")));
        page.Find("#task-list tbody tr a").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#task-due")));

        page.Find("#task-due").Input("2027-03-01T17:00");
        page.Find("#task-follow-up").Input("2027-03-02T09:00");
        page.Find(".bpm-task-dates").Submit();

        Assert.Equal("The follow-up date must not be after the due date", page.Find("#dates-error").TextContent);
        Assert.DoesNotContain(_engine.Requests, r => r.Method == "PUT");
    }
}
