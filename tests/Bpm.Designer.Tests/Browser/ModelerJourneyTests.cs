using System.Net.Http.Json;
using Bpm.Contracts;
using Bpm.Contracts.Rest;
using Bpm.Designer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bpm.Designer.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ModelerJourneyTests(BrowserFixture fixture)
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public async Task Should_import_a_file_and_deploy_it_to_the_engine()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/modeler");
                await page.Locator("[data-element-id^='StartEvent_1']").First.WaitForAsync();

        await page.SetInputFilesAsync("#import-file", Fixture("expense-approval.bpmn"));
        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("Imported expense-approval.bpmn");
        await Assertions.Expect(page.Locator("[data-element-id='approveExpense']")).ToBeVisibleAsync();

        await page.ClickAsync("#deploy");
        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("Deployed expense-approval version 1");
        await BrowserFixture.ScreenshotAsync(page, "modeler");

        using var engine = fixture.Engine.Client();
        var definitions = await engine.GetFromJsonAsync<List<ProcessDefinitionDto>>("process-definition?key=expense-approval", CamundaJson.Options);
        Assert.Equal(1, Assert.Single(definitions!).Version);
    }

    [Fact]
    public async Task Should_show_deploy_errors_at_the_offending_element()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/modeler");
        await page.Locator("[data-element-id^='StartEvent_1']").First.WaitForAsync();
        await page.SetInputFilesAsync("#import-file", Fixture("unsupported-gateway.bpmn"));
        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("Imported");

        await page.ClickAsync("#deploy");

        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("The engine rejected the diagram");
        await Assertions.Expect(page.Locator(".djs-element.bpm-problem[data-element-id='approveExpense']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".bpm-problem-note").First).ToContainTextAsync("approveExpense");
        await Assertions.Expect(page.Locator("#deploy-problems")).ToContainTextAsync("approveExpense");
        await BrowserFixture.ScreenshotAsync(page, "modeler-deploy-error");
    }
}
