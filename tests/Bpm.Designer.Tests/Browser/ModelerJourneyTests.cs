using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bpm.Designer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bpm.Designer.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ModelerJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Should_show_deploy_errors_at_the_offending_element()
    {
        var page = (await ModelerPage.OpenAsync(fixture)).Page;
        // A script language only the engine knows it cannot run: the lint lets it through, the engine refuses it.
        await page.SetInputFilesAsync("#import-file", Path.Combine(AppContext.BaseDirectory, "Fixtures", "groovy-script.bpmn"));
        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("Imported");

        await page.ClickAsync("#deploy");

        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("The engine rejected the diagram");
        await Assertions.Expect(page.Locator(".djs-element.bpm-problem[data-element-id='approveExpense']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".bpm-problem-note").First).ToContainTextAsync("approveExpense");
        await Assertions.Expect(page.Locator("#deploy-problems")).ToContainTextAsync("groovy");
        await BrowserFixture.ScreenshotAsync(page, "modeler-deploy-error");
    }

    [Fact]
    public async Task Should_mark_lint_errors_on_the_diagram_and_refuse_to_deploy_them()
    {
        using var engine = fixture.Engine.Client();
        var page = (await ModelerPage.OpenAsync(fixture)).Page;

        await page.SetInputFilesAsync("#import-file", Path.Combine(AppContext.BaseDirectory, "Fixtures", "unsupported-gateway.bpmn"));

        var issue = page.Locator("#lint-issues li[data-rule='bpm/supported-elements'][data-issue-element='approveExpense']");
        await Assertions.Expect(issue).ToContainTextAsync("A complex gateway cannot run on this engine");
        await Assertions.Expect(page.Locator("#lint-summary")).ToContainTextAsync("Lint: 1 error");
        await Assertions.Expect(page.Locator(".djs-overlays[data-container-id='approveExpense'] .bjsl-icon-error")).ToHaveCountAsync(1);

        await page.ClickAsync("#deploy");

        var message = page.Locator("#modeler-message");
        await Assertions.Expect(message).ToContainTextAsync("Not deployed: the lint found 1 error the engine would refuse");
        await Assertions.Expect(message).ToContainTextAsync("approveExpense: A complex gateway cannot run on this engine (bpmn:ComplexGateway)");
        await BrowserFixture.ScreenshotAsync(page, "modeler-lint");
        var deployed = await engine.GetFromJsonAsync<JsonArray>("process-definition?key=unsupported-gateway");
        Assert.Empty(deployed!);
    }
}
