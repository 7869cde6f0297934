using System.Net.Http.Json;
using Bpm.Contracts;
using Bpm.Contracts.Rest;
using Bpm.Designer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bpm.Designer.Tests.Browser;

/// <summary>An approver keeps the tasklist open: tasks come and go as the engine says, without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveTasklistTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Should_show_a_task_started_through_the_api_on_an_open_tasklist_without_reloading()
    {
        using var engine = fixture.Engine.Client();
        await EngineRest.DeployAsync(engine, "expense-approval.bpmn", "live-journey");
        var page = await fixture.SignedInPageAsync("approver");
        await page.GotoAsync("/tasks");
        await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("live");
        var row = page.Locator("#task-list tr", new PageLocatorOptions { HasText = "live-journey" });
        await Assertions.Expect(row).ToHaveCountAsync(0);
        // A reload would lose this mark.
        await page.EvaluateAsync("() => window.bpmSamePage = true");

        await EngineRest.StartAsync(engine, "live-journey", new { businessKey = "LIVE-1" });

        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Approve expense");
        Assert.True(await page.EvaluateAsync<bool>("() => window.bpmSamePage === true"));

        // The approver gives it a due date, which the list shows.
        await row.Locator("a").ClickAsync();
        await page.FillAsync("#task-due", "2030-05-17T15:30");
        await page.ClickAsync("#save-dates");
        await Assertions.Expect(page.Locator("#tasks-message")).ToContainTextAsync("Set the dates of Approve expense");
        await Assertions.Expect(row).ToContainTextAsync("2030-05-17 15:30");

        // Someone else completes it: it leaves the open list.
        var tasks = await engine.GetFromJsonAsync<List<TaskDto>>("task?processDefinitionKey=live-journey", CamundaJson.Options);
        (await engine.PostAsJsonAsync($"task/{Assert.Single(tasks!).Id}/complete", new { })).EnsureSuccessStatusCode();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.bpmSamePage === true"));
    }
}
