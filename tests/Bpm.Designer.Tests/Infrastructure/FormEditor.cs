using Microsoft.Playwright;

namespace Bpm.Designer.Tests.Infrastructure;

/// <summary>What an analyst does in the modeler's form editor (form-js) for a user task, by dragging and typing as a person would.</summary>
public sealed class FormEditor
{
    private readonly IPage _page;

    private FormEditor(IPage page) => _page = page;

    /// <summary>The editor's canvas, palette and properties panel.</summary>
    private ILocator Editor => _page.Locator("[data-testid='form-editor']");

    /// <summary>Selects the user task and presses <c>Form…</c>; returns once the editor can save.</summary>
    public static async Task<FormEditor> OpenAsync(ModelerPage modeler, string taskId, string taskName)
    {
        await modeler.SelectAsync(taskId);
        await modeler.Page.ClickAsync("#edit-form");
        await Assertions.Expect(modeler.Page.Locator("#form-editor-title")).ToHaveTextAsync($"Form of {taskName}");
        await Assertions.Expect(modeler.Page.Locator("#form-editor-save")).ToBeEnabledAsync();
        return new FormEditor(modeler.Page);
    }

    /// <summary>The fields of a form-js type (<c>textfield</c>, <c>checkbox</c>...) on the form.</summary>
    public ILocator Fields(string fieldType) => Editor.Locator(".fjs-form-field-" + fieldType);

    /// <summary>Drags a field type from the palette onto the end of the form and gives it a label and the key of the variable it sets.</summary>
    public async Task AddFieldAsync(string fieldType, string label, string key)
    {
        await DragFromPaletteAsync(fieldType);
        await NameSelectedFieldAsync(fieldType, label, key);
    }

    /// <summary>Saves the form into the diagram; the dialog closes.</summary>
    public async Task SaveAsync()
    {
        await _page.ClickAsync("#form-editor-save");
        await Assertions.Expect(_page.Locator("#form-editor-dialog")).ToHaveCountAsync(0);
    }

    public async Task CancelAsync()
    {
        await _page.ClickAsync("#form-editor-cancel");
        await Assertions.Expect(_page.Locator("#form-editor-dialog")).ToHaveCountAsync(0);
    }

    /// <summary>Drags as a mouse would: press on the palette entry, move in steps to the form's drop area, release.</summary>
    private async Task DragFromPaletteAsync(string fieldType)
    {
        var source = Editor.Locator($".fjs-palette-field[data-field-type='{fieldType}']");
        var target = Editor.Locator(".fjs-form-container .fjs-drop-container-vertical").First;
        var from = (await source.BoundingBoxAsync())!;
        var to = (await target.BoundingBoxAsync())!;
        await _page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await _page.Mouse.DownAsync();
        await _page.Mouse.MoveAsync(from.X + from.Width / 2 + 30, from.Y + from.Height / 2, new MouseMoveOptions { Steps = 5 });
        await _page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height - 10, new MouseMoveOptions { Steps = 15 });
        await _page.Mouse.UpAsync();
    }

    /// <summary>Fills the label and key of the field the editor selected (a new field is selected once dropped).</summary>
    private async Task NameSelectedFieldAsync(string fieldType, string label, string key)
    {
        var panel = Editor.Locator(".fjs-properties-container");
        var keyInput = panel.Locator("#bio-properties-panel-key");
        // The panel keeps its General group open once opened.
        if (!await keyInput.IsVisibleAsync()) await panel.Locator("[data-group-id='group-general'] .bio-properties-panel-group-header").ClickAsync();
        await panel.GetByRole(AriaRole.Textbox, new() { Name = "Field label" }).FillAsync(label);
        await keyInput.FillAsync(key);
        await keyInput.PressAsync("Tab");
        await Assertions.Expect(Fields(fieldType).Last).ToContainTextAsync(label);
    }
}
