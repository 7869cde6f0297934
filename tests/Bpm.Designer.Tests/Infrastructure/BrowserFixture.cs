using Bpm.Testing;
using Microsoft.Playwright;

namespace Bpm.Designer.Tests.Infrastructure;

/// <summary>One engine host with its designer and one headless chromium (Debian's, never a downloaded one) for all browser journeys.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public HostProcess Engine { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"The browser tests need {Chromium}: apt-get install chromium");
        // Two shared cores build and test at once here: give pages time rather than fail on a slow moment.
        Assertions.SetDefaultExpectTimeout(15_000);
        Engine = await HostProcess.StartEngineAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        await WarmUpAsync();
    }

    /// <summary>
    /// Loads each page once before any journey runs: a freshly built host compiles and loads on its first requests,
    /// which on two busy cores can take longer than any single assertion should wait.
    /// </summary>
    private async Task WarmUpAsync()
    {
        var coldStart = TimeSpan.FromMinutes(2);
        foreach (var (user, path, ready) in new[] { ("operator", "/cockpit", "#refresh-cockpit"), ("approver", "/tasks", "h1"), ("analyst", "/modeler", ".djs-container") })
        {
            var page = await SignedInPageAsync(user, patience: coldStart);
            await page.GotoAsync(path);
            await page.WaitForSelectorAsync(ready);
            await page.Context.CloseAsync();
        }
    }

    /// <summary>A fresh page signed in as one of the engine's users (see <see cref="HostProcess.StartEngineAsync"/>).</summary>
    /// <param name="patience">How long each step may take, when longer than the usual wait (a host's first pages).</param>
    public async Task<IPage> SignedInPageAsync(string user, Uri? site = null, TimeSpan? patience = null)
    {
        var page = await NewPageAsync();
        if (patience is { } wait) page.Context.SetDefaultTimeout((float)wait.TotalMilliseconds);
        await page.GotoAsync(new Uri(site ?? Engine.BaseAddress, "/login").ToString());
        await page.FillAsync("#login-user", user);
        await page.FillAsync("#login-password", HostProcess.PasswordOf(user));
        await page.ClickAsync("#login-submit");
        await Assertions.Expect(page.Locator("#current-user")).ToContainTextAsync(user, new() { Timeout = (float?)patience?.TotalMilliseconds });
        return page;
    }

    /// <summary>A fresh page (own cookies and storage) on the designer, with a size fit for screenshots.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Engine.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Set to <c>1</c>, the screenshots replace the README's pictures under <c>docs/screenshots/</c>.</summary>
    public const string UpdatePicturesVariable = "BPM_UPDATE_SCREENSHOTS";

    /// <summary>
    /// Saves a screenshot of the page: beside the test assembly, or, with <see cref="UpdatePicturesVariable"/> set, as
    /// the README's picture under <c>docs/screenshots/</c> of the repository. A plain test run leaves the repository as
    /// it found it.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable(UpdatePicturesVariable) == "1"
            ? SourceTree.PathOf("docs/screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Engine is not null) await Engine.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
