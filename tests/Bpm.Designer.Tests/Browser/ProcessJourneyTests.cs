using System.Net.Http.Json;
using Bpm.Contracts;
using Bpm.Contracts.Rest;
using Bpm.Designer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bpm.Designer.Tests.Browser;

/// <summary>The three people's journeys through the designer's pages against a real engine host.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProcessJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Should_deploy_start_complete_the_task_and_see_the_instance_completed()
    {
        using var engine = fixture.Engine.Client();
        var page = await fixture.SignedInPageAsync("analyst");

        // The analyst deploys the process from the modeler.
        await page.GotoAsync("/modeler");
        await page.Locator("[data-element-id^='StartEvent_1']").First.WaitForAsync();
        await page.SetInputFilesAsync("#import-file", Path.Combine(AppContext.BaseDirectory, "Fixtures", "expense-approval.bpmn"));
        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("Imported expense-approval.bpmn");
        await page.ClickAsync("#deploy");
        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("Deployed expense-approval version");

        // The operator starts an instance from the cockpit; its token waits at the user task.
        var operatorPage = await fixture.SignedInPageAsync("operator");
        page = operatorPage;
        await page.ClickAsync("nav >> text=Cockpit");
        var definition = page.Locator("tr[data-definition-key='expense-approval']");
        // The cockpit's first load on a cold host (a fresh build) can take longer than Playwright's default wait.
        await definition.WaitForAsync(new() { Timeout = 60_000 });
        await definition.Locator(".bpm-business-key").FillAsync("EXP-1");
        await definition.Locator(".bpm-business-key").PressAsync("Tab");
        await definition.Locator(".bpm-start").ClickAsync();
        await Assertions.Expect(page.Locator("#instance-state")).ToHaveTextAsync("ACTIVE");
        await Assertions.Expect(page.Locator(".djs-element.bpm-active[data-element-id='approveExpense']")).ToHaveCountAsync(1);

        // The approver claims the task and completes it with a variable of the generated form.
        page = await fixture.SignedInPageAsync("approver");
        await page.ClickAsync("nav >> text=Tasklist");
        var row = page.Locator("#task-list tr", new PageLocatorOptions { HasText = "Approve expense" }).Filter(new LocatorFilterOptions { HasText = "expense-approval" });
        await row.Locator(".bpm-claim").ClickAsync();
        await Assertions.Expect(page.Locator("#tasks-message")).ToContainTextAsync("Claimed Approve expense");
        await Assertions.Expect(row).ToContainTextAsync("approver");
        await page.ClickAsync("#add-variable");
        var field = page.Locator("#task-details .bpm-form-row").Last;
        await field.Locator(".bpm-var-name").FillAsync("approved");
        await field.Locator(".bpm-var-type").SelectOptionAsync("Boolean");
        await field.Locator("input[type=checkbox]").CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, "tasklist");
        await page.ClickAsync("#complete-task");
        await Assertions.Expect(page.Locator("#tasks-message")).ToContainTextAsync("Completed Approve expense");
        await Assertions.Expect(row).ToHaveCountAsync(0);

        // A worker books the expense; the operator sees the instance completed.
        await EngineRest.CompleteAsync(engine, await EngineRest.FetchAsync(engine, "book-expense"));
        var instance = await EngineRest.InstanceAsync(engine, "EXP-1");
        Assert.Equal("COMPLETED", instance.State);
        page = operatorPage;
        await page.GotoAsync("/cockpit");
        await page.SelectOptionAsync("#instance-state", "COMPLETED");
        var listed = page.Locator($"#instances tr[data-instance-id='{instance.Id}']");
        await Assertions.Expect(listed).ToContainTextAsync("COMPLETED");
        await Assertions.Expect(listed).ToContainTextAsync("EXP-1");
        await BrowserFixture.ScreenshotAsync(page, "cockpit");
        await listed.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator("#instance-state")).ToHaveTextAsync("COMPLETED");
        await Assertions.Expect(page.Locator("#instance-history tr[data-activity-id='bookExpense']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#instance-history tr[data-activity-id='booked']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Should_show_an_incident_on_the_diagram_and_retry_it()
    {
        using var engine = fixture.Engine.Client();
        await EngineRest.DeployAsync(engine, "expense-approval.bpmn", "incident-journey");
        await EngineRest.StartAsync(engine, "incident-journey", new { businessKey = "INC-1" });
        var tasks = await engine.GetFromJsonAsync<List<TaskDto>>("task?processDefinitionKey=incident-journey", CamundaJson.Options);
        (await engine.PostAsJsonAsync($"task/{Assert.Single(tasks!).Id}/complete", new { })).EnsureSuccessStatusCode();
        var externalTask = await EngineRest.FetchAsync(engine, EngineRest.TopicOf("incident-journey"));
        await EngineRest.FailAsync(engine, externalTask, "ledger unreachable");

        var page = await fixture.SignedInPageAsync("operator");
        await page.GotoAsync("/cockpit");
        var incident = page.Locator("#incidents tr", new PageLocatorOptions { HasText = "ledger unreachable" });
        await Assertions.Expect(incident).ToContainTextAsync("bookExpense");
        await incident.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator(".djs-element.bpm-incident[data-element-id='bookExpense']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#instance-incidents")).ToContainTextAsync("ledger unreachable");
        await BrowserFixture.ScreenshotAsync(page, "cockpit-instance");

        await page.Locator("#instance-incidents .bpm-retry").ClickAsync();

        await Assertions.Expect(page.Locator("#instance-message")).ToContainTextAsync("Retried the incident at bookExpense");
        await Assertions.Expect(page.Locator("#no-incidents")).ToBeVisibleAsync();
        var instance = await EngineRest.InstanceAsync(engine, "INC-1");
        Assert.Empty((await engine.GetFromJsonAsync<List<IncidentDto>>($"incident?processInstanceId={instance.Id}", CamundaJson.Options))!);
        await EngineRest.CompleteAsync(engine, await EngineRest.FetchAsync(engine, EngineRest.TopicOf("incident-journey")));
        Assert.Equal("COMPLETED", (await EngineRest.InstanceAsync(engine, "INC-1")).State);
    }

    [Fact]
    public async Task Should_complete_a_task_with_its_form_js_form_after_validation()
    {
        using var engine = fixture.Engine.Client();
        await EngineRest.DeployAsync(engine, "expense-with-form.bpmn", "form-journey");
        var instanceId = (await EngineRest.StartAsync(engine, "form-journey",
            new { businessKey = "FORM-1", variables = new { amount = new { value = 420, type = "Long" } } })).Id;

        var page = await fixture.SignedInPageAsync("approver");
        await page.GotoAsync("/tasks");
        await page.SelectOptionAsync("#task-process", "form-journey");
        var row = page.Locator("#task-list tr", new PageLocatorOptions { HasText = "Approve expense" }).Filter(new LocatorFilterOptions { HasText = "form-journey" });
        await row.Locator(".bpm-claim").ClickAsync();
        var form = page.Locator("[data-testid='formjs-form']");
        await Assertions.Expect(form.GetByLabel("Amount")).ToHaveValueAsync("420");
        await BrowserFixture.ScreenshotAsync(page, "tasklist-form");

        await page.ClickAsync("#complete-task");
        await Assertions.Expect(page.Locator("#form-error")).ToContainTextAsync("Please correct: Comment");

        await form.GetByLabel("Approve this expense").CheckAsync();
        await form.GetByLabel("Comment").FillAsync("fits the budget");
        await page.ClickAsync("#complete-task");
        await Assertions.Expect(page.Locator("#tasks-message")).ToContainTextAsync("Completed Approve expense");

        var variables = (await engine.GetFromJsonAsync<Dictionary<string, VariableValueDto>>($"process-instance/{instanceId}/variables", CamundaJson.Options))!;
        Assert.True(variables["approved"].Value!.GetValue<bool>());
        Assert.Equal("fits the budget", variables["comment"].Value!.GetValue<string>());
        Assert.Equal(420, variables["amount"].Value!.GetValue<long>());
    }

    [Fact]
    public async Task Should_hide_the_approvers_task_from_a_user_of_another_group()
    {
        using var engine = fixture.Engine.Client();
        await EngineRest.DeployAsync(engine, "expense-approval.bpmn", "permission-journey");
        await EngineRest.StartAsync(engine, "permission-journey", new { businessKey = "PERM-1" });

        var operatorPage = await fixture.SignedInPageAsync("operator");
        await operatorPage.GotoAsync("/tasks");
        await Assertions.Expect(operatorPage.Locator("#no-tasks")).ToBeVisibleAsync();

        var approverPage = await fixture.SignedInPageAsync("approver");
        await approverPage.GotoAsync("/tasks");
        await Assertions.Expect(approverPage.Locator("#task-list tr", new PageLocatorOptions { HasText = "permission-journey" })).ToHaveCountAsync(1);
    }
}
