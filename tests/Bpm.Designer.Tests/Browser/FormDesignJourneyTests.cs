using System.Net.Http.Json;
using Bpm.Contracts;
using Bpm.Contracts.Rest;
using Bpm.Designer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bpm.Designer.Tests.Browser;

/// <summary>An analyst designs a user task's form in the modeler; an approver fills it in the tasklist.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FormDesignJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Should_design_a_form_deploy_it_and_complete_the_task_with_it()
    {
        using var engine = fixture.Engine.Client();
        var page = (await ModelerPage.OpenAsync(fixture)).Page;
        await page.SetInputFilesAsync("#import-file", Path.Combine(AppContext.BaseDirectory, "Fixtures", "review-request.bpmn"));
        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("Imported review-request.bpmn");

        // The analyst selects the user task and opens its (still empty) form in the form editor.
        await Assertions.Expect(page.Locator("#edit-form")).ToBeDisabledAsync();
        await page.Locator(".djs-element[data-element-id='reviewRequest']").ClickAsync();
        await page.ClickAsync("#edit-form");
        var editor = page.Locator("[data-testid='form-editor']");
        await Assertions.Expect(page.Locator("#form-editor-title")).ToHaveTextAsync("Form of Review request");

        // A text field and a checkbox, dragged from the editor's palette onto the form, each given a label and a key.
        await DragFromPaletteAsync(page, "textfield");
        await NameSelectedFieldAsync(page, "textfield", "Comment", "comment");
        await DragFromPaletteAsync(page, "checkbox");
        await NameSelectedFieldAsync(page, "checkbox", "Approve", "approved");
        await Assertions.Expect(editor.Locator(".fjs-form-field-textfield")).ToHaveCountAsync(1);
        await Assertions.Expect(editor.Locator(".fjs-form-field-checkbox")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "modeler-form-editor");

        await page.ClickAsync("#form-editor-save");
        await Assertions.Expect(page.Locator("#form-editor-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("The form of Review request is saved");
        await Assertions.Expect(page.Locator(".bpm-dirty")).ToBeVisibleAsync();

        // Opened again, the task's form comes back for editing.
        await page.ClickAsync("#edit-form");
        await Assertions.Expect(editor.Locator(".fjs-form-field-textfield")).ToContainTextAsync("Comment");
        await Assertions.Expect(editor.Locator(".fjs-form-field-checkbox")).ToContainTextAsync("Approve");
        await page.ClickAsync("#form-editor-cancel");

        // Linking the form is one step on the modeler's command stack: undone, the task has no form; redone, it is back.
        var task = page.Locator(".djs-element[data-element-id='reviewRequest']");
        await task.ClickAsync();
        await page.Keyboard.PressAsync("Control+z");
        await task.ClickAsync();
        await page.ClickAsync("#edit-form");
        await Assertions.Expect(page.Locator("#form-editor-save")).ToBeEnabledAsync();
        await Assertions.Expect(editor.Locator(".fjs-form-field-textfield")).ToHaveCountAsync(0);
        await page.ClickAsync("#form-editor-cancel");
        await task.ClickAsync();
        await page.Keyboard.PressAsync("Control+y");
        await task.ClickAsync();
        await page.ClickAsync("#edit-form");
        await Assertions.Expect(editor.Locator(".fjs-form-field-textfield")).ToContainTextAsync("Comment");
        await page.ClickAsync("#form-editor-cancel");

        await page.ClickAsync("#deploy");
        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("Deployed review-request version");

        var instanceId = (await EngineRest.StartAsync(engine, "review-request", new { businessKey = "REV-1" })).Id;

        // The approver gets the designed form in the tasklist, fills it and completes the task.
        page = await fixture.SignedInPageAsync("approver");
        await page.GotoAsync("/tasks");
        await page.SelectOptionAsync("#task-process", "review-request");
        var row = page.Locator("#task-list tr", new PageLocatorOptions { HasText = "Review request" }).Filter(new LocatorFilterOptions { HasText = "review-request" });
        await row.Locator(".bpm-claim").ClickAsync();
        var form = page.Locator("[data-testid='formjs-form']");
        await form.GetByLabel("Comment").FillAsync("all in order");
        await form.GetByLabel("Approve").CheckAsync();
        await page.ClickAsync("#complete-task");
        await Assertions.Expect(page.Locator("#tasks-message")).ToContainTextAsync("Completed Review request");

        var variables = (await engine.GetFromJsonAsync<Dictionary<string, VariableValueDto>>($"process-instance/{instanceId}/variables", CamundaJson.Options))!;
        Assert.Equal("all in order", variables["comment"].Value!.GetValue<string>());
        Assert.True(variables["approved"].Value!.GetValue<bool>());
        await EngineRest.CompleteAsync(engine, await EngineRest.FetchAsync(engine, "file-review"));
    }

    /// <summary>Drags a field type from the form editor's palette onto the end of the form, as a mouse would.</summary>
    private static async Task DragFromPaletteAsync(IPage page, string fieldType)
    {
        var source = page.Locator($"[data-testid='form-editor'] .fjs-palette-field[data-field-type='{fieldType}']");
        var target = page.Locator("[data-testid='form-editor'] .fjs-form-container .fjs-drop-container-vertical").First;
        var from = (await source.BoundingBoxAsync())!;
        var to = (await target.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + from.Width / 2 + 30, from.Y + from.Height / 2, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height - 10, new MouseMoveOptions { Steps = 15 });
        await page.Mouse.UpAsync();
    }

    /// <summary>Fills the label and key of the field the editor selected (a new field is selected once dropped).</summary>
    private static async Task NameSelectedFieldAsync(IPage page, string fieldType, string label, string key)
    {
        var panel = page.Locator("[data-testid='form-editor'] .fjs-properties-container");
        var keyInput = panel.Locator("#bio-properties-panel-key");
        // The panel keeps its General group open once opened.
        if (!await keyInput.IsVisibleAsync()) await panel.Locator("[data-group-id='group-general'] .bio-properties-panel-group-header").ClickAsync();
        await panel.GetByRole(AriaRole.Textbox, new() { Name = "Field label" }).FillAsync(label);
        await keyInput.FillAsync(key);
        await keyInput.PressAsync("Tab");
        await Assertions.Expect(page.Locator("[data-testid='form-editor'] .fjs-form-field-" + fieldType)).ToContainTextAsync(label);
    }
}
