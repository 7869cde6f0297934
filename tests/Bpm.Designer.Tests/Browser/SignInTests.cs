using Bpm.Designer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bpm.Designer.Tests.Browser;

/// <summary>Who may open which page: everyone signs in; the modeler needs the analysts group, the cockpit the operators group.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Should_send_an_anonymous_visitor_to_sign_in_and_back()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/tasks");
        await Assertions.Expect(page.Locator("#login-submit")).ToBeVisibleAsync();
        await page.FillAsync("#login-user", "approver");
        await page.FillAsync("#login-password", HostProcess.PasswordOf("approver"));
        await BrowserFixture.ScreenshotAsync(page, "login");
        await page.ClickAsync("#login-submit");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tasks$"));
        await Assertions.Expect(page.Locator("#current-user")).ToContainTextAsync("approvers");
    }

    [Fact]
    public async Task Should_refuse_a_wrong_password()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#login-user", "approver");
        await page.FillAsync("#login-password", "guess");

        await page.ClickAsync("#login-submit");

        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("wrong");
        Assert.Equal(0, await page.Locator("#current-user").CountAsync());
    }

    [Fact]
    public async Task Should_keep_the_cockpit_from_a_user_without_the_operators_group()
    {
        var page = await fixture.SignedInPageAsync("approver");

        await page.GotoAsync("/cockpit");

        await Assertions.Expect(page.Locator("#login-denied")).ToContainTextAsync("approver may not open that page");
        Assert.Equal(0, await page.Locator("#definitions").CountAsync());
    }
}
