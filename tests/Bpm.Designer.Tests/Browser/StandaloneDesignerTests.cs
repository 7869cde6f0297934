using Bpm.Designer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bpm.Designer.Tests.Browser;

/// <summary>Bpm.Designer.Host: the same pages on their own server, talking to a remote engine over REST.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StandaloneDesignerTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Should_show_the_remote_engines_definitions()
    {
        using var engine = fixture.Engine.Client();
        await EngineRest.DeployAsync(engine, "expense-approval.bpmn", "remote-journey");
        await using var designer = await HostProcess.StartDesignerAsync(fixture.Engine.BaseAddress, HostProcess.ApiKey);
        var page = await fixture.SignedInPageAsync("operator", designer.BaseAddress);

        await page.GotoAsync(new Uri(designer.BaseAddress, "/cockpit").ToString());

        await Assertions.Expect(page.Locator("tr[data-definition-key='remote-journey']")).ToContainTextAsync("v1");
    }

    [Fact]
    public async Task Should_say_so_when_the_engine_refuses_the_api_key()
    {
        await using var designer = await HostProcess.StartDesignerAsync(fixture.Engine.BaseAddress, "not-a-key");
        var page = await fixture.SignedInPageAsync("operator", designer.BaseAddress);

        await page.GotoAsync(new Uri(designer.BaseAddress, "/cockpit").ToString());

        await Assertions.Expect(page.Locator("#cockpit-message.bpm-error")).ToContainTextAsync("A valid API key is required");
    }

    [Fact]
    public async Task Should_refuse_to_start_without_an_engine_url()
    {
        await using var designer = await HostProcess.StartDesignerAsync(null, "some-key", waitUntilReady: false);

        var exitCode = await designer.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Bpm:Designer:EngineUrl is required", designer.Output);
    }
}
