using Bpm.Designer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bpm.Designer.Tests.Browser;

/// <summary>
/// A user task's form, designed in the modeler, stays with the diagram: it opens again for editing, and linking it is
/// one undoable step. (Designing a form and filling it in the tasklist is part of <see cref="CatalogJourneyTests"/>.)
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FormLinkTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Should_open_a_saved_form_for_editing_and_undo_and_redo_its_link_as_one_step()
    {
        var modeler = await ModelerPage.OpenAsync(fixture);
        var page = modeler.Page;
        await page.SetInputFilesAsync("#import-file", Path.Combine(AppContext.BaseDirectory, "Fixtures", "review-request.bpmn"));
        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("Imported review-request.bpmn");
        await Assertions.Expect(page.Locator("#edit-form")).ToBeDisabledAsync();

        var form = await FormEditor.OpenAsync(modeler, "reviewRequest", "Review request");
        await form.AddFieldAsync("textfield", "Comment", "comment");
        await form.SaveAsync();
        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("The form of Review request is saved");
        await Assertions.Expect(page.Locator(".bpm-dirty")).ToBeVisibleAsync();

        // Opened again, the task's form comes back for editing.
        form = await FormEditor.OpenAsync(modeler, "reviewRequest", "Review request");
        await Assertions.Expect(form.Fields("textfield")).ToContainTextAsync("Comment");
        await form.CancelAsync();

        // Undone, the task has no form; redone, it is back. A click on the task gives the canvas the keyboard.
        var task = page.Locator(".djs-element[data-element-id='reviewRequest']");
        await task.ClickAsync();
        await page.Keyboard.PressAsync("Control+z");
        form = await FormEditor.OpenAsync(modeler, "reviewRequest", "Review request");
        await Assertions.Expect(form.Fields("textfield")).ToHaveCountAsync(0);
        await form.CancelAsync();
        await task.ClickAsync();
        await page.Keyboard.PressAsync("Control+y");
        form = await FormEditor.OpenAsync(modeler, "reviewRequest", "Review request");
        await Assertions.Expect(form.Fields("textfield")).ToContainTextAsync("Comment");
        await form.CancelAsync();
    }
}
