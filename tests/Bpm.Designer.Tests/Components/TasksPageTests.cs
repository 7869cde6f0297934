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

    public TasksPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(new EngineClient(_engine.Client()));
        var current = new CurrentUser(Options.Create(new DesignerOptions { ApiKey = "k" }));
        current.SignIn(new DesignerUser { Id = "approver", Groups = ["approvers"] });
        Services.AddSingleton(current);
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
}
