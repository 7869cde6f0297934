using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Bpm.Designer.Tests.Infrastructure;

/// <summary>What an analyst does on the modeler's canvas and properties panel, by clicking and typing as a person would.</summary>
public sealed class ModelerPage(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>Signs in as the analyst and opens the modeler with its new diagram drawn.</summary>
    public static async Task<ModelerPage> OpenAsync(BrowserFixture fixture)
    {
        var page = await fixture.SignedInPageAsync("analyst");
        await page.GotoAsync("/modeler");
        await page.Locator("[data-element-id^='StartEvent_1']").First.WaitForAsync();
        return new ModelerPage(page);
    }

    /// <summary>Selects an element; a click on an element already selected would deselect it.</summary>
    public async Task SelectAsync(string elementId)
    {
        var shape = Page.Locator($".djs-element[data-element-id='{elementId}']");
        if (!Selected.IsMatch(await shape.GetAttributeAsync("class") ?? "")) await shape.ClickAsync();
        await Assertions.Expect(shape).ToHaveClassAsync(Selected);
    }

    private static readonly Regex Selected = new(@"\bselected\b");

    /// <summary>Appends an entry of the context pad's "Append element" menu to the element; it comes connected and selected.</summary>
    public async Task AppendAsync(string fromId, string entryId)
    {
        await SelectAsync(fromId);
        await Page.ClickAsync(".djs-context-pad [data-action='append']");
        await Page.ClickAsync($".djs-popup [data-id='{entryId}']");
        // The new element opens for its label; the panel names it instead.
        await Page.Keyboard.PressAsync("Escape");
    }

    public async Task OpenGroupAsync(string label)
    {
        var header = Page.Locator($".bio-properties-panel-group-header:has-text('{label}')");
        if (!(await header.GetAttributeAsync("class") ?? "").Contains("open")) await header.ClickAsync();
    }

    /// <summary>Sets the id and name of what the properties panel shows.</summary>
    public async Task SetGeneralAsync(string id, string name)
    {
        await OpenGroupAsync("General");
        await Page.FillAsync("#bio-properties-panel-name", name);
        await Page.FillAsync("#bio-properties-panel-id", id);
        await Page.Keyboard.PressAsync("Tab");
    }
}
