using Bpm.Designer.Components.Modeler;
using Bunit;
using Microsoft.JSInterop;

namespace Bpm.Designer.Tests.Components;

public sealed class FormEditorDialogTests : BunitContext
{
    private const string DialogModule = "./_content/Bpm.Designer/Components/Modeler/FormEditorDialog.razor.js";

    [Fact]
    public void Should_start_a_new_form_named_after_the_task_when_it_has_none()
    {
        JSInterop.SetupModule(DialogModule).SetupModule("create", _ => true);

        var dialog = Render<FormEditorDialog>(p => p.Add(c => c.TaskId, "reviewRequest").Add(c => c.TaskName, "Review request"));

        dialog.WaitForAssertion(() => Assert.False(dialog.Find("#form-editor-save").HasAttribute("disabled")));
        var create = JSInterop.VerifyInvoke("create");
        Assert.Null(create.Arguments[1]);
        Assert.Equal("Form_reviewRequest", create.Arguments[2]);
    }

    [Fact]
    public void Should_say_why_a_form_cannot_be_opened_and_offer_no_save()
    {
        var create = new FailingCreate();
        JSInterop.SetupModule(DialogModule).AddInvocationHandler(create);
        create.Fail(new JSException("Unexpected token } in JSON at position 12"));

        var dialog = Render<FormEditorDialog>(p => p.Add(c => c.TaskId, "reviewRequest").Add(c => c.TaskName, "Review request").Add(c => c.Schema, "{\"components\":}"));

        dialog.WaitForAssertion(() => Assert.Equal(
            "The form of Review request cannot be edited: Unexpected token } in JSON at position 12", dialog.Find("#form-editor-error").TextContent));
        Assert.True(dialog.Find("#form-editor-save").HasAttribute("disabled"));
    }

    [Fact]
    public void Should_close_without_saving_on_cancel()
    {
        JSInterop.SetupModule(DialogModule).SetupModule("create", _ => true);
        var cancelled = false;
        string? saved = null;
        var dialog = Render<FormEditorDialog>(p => p.Add(c => c.TaskId, "t").Add(c => c.TaskName, "T")
            .Add(c => c.OnCancel, () => cancelled = true).Add(c => c.OnSave, s => saved = s));

        dialog.Find("#form-editor-cancel").Click();

        Assert.True(cancelled);
        Assert.Null(saved);
    }

    /// <summary>The module's <c>create</c> throwing, as the editor does when it cannot import a schema.</summary>
    private sealed class FailingCreate() : JSRuntimeInvocationHandlerBase<IJSObjectReference>(i => i.Identifier == "create", isCatchAllHandler: false)
    {
        public void Fail(Exception error) => SetExceptionBase(error);
    }
}
