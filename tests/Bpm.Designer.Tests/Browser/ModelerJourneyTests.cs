using Bpm.Designer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bpm.Designer.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ModelerJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Should_show_deploy_errors_at_the_offending_element()
    {
        var page = await fixture.SignedInPageAsync("analyst");
        await page.GotoAsync("/modeler");
        await page.Locator("[data-element-id^='StartEvent_1']").First.WaitForAsync();
        await page.SetInputFilesAsync("#import-file", Path.Combine(AppContext.BaseDirectory, "Fixtures", "unsupported-gateway.bpmn"));
        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("Imported");

        await page.ClickAsync("#deploy");

        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("The engine rejected the diagram");
        await Assertions.Expect(page.Locator(".djs-element.bpm-problem[data-element-id='approveExpense']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".bpm-problem-note").First).ToContainTextAsync("approveExpense");
        await Assertions.Expect(page.Locator("#deploy-problems")).ToContainTextAsync("approveExpense");
        await BrowserFixture.ScreenshotAsync(page, "modeler-deploy-error");
    }
}
