using Bpm.Designer.Components.Modeler;
using Bpm.Designer.Engine;
using Bpm.Designer.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Bpm.Designer.Tests.Components;

public sealed class ModelerPageTests : BunitContext
{
    private const string ModelerModule = "./_content/Bpm.Designer/Components/Modeler/BpmnModeler.razor.js";
    private const string DialogModule = "./_content/Bpm.Designer/Components/Modeler/FormEditorDialog.razor.js";

    private readonly FakeEngine _engine = new();
    private readonly BunitJSInterop _modeler;

    public ModelerPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(new EngineClient(_engine.Client()));
        _engine.On("GET", "process-definition", "[]")
            .On("POST", "deployment/create", """{"id":"d1","name":"review","deployedProcessDefinitions":{"review:1:a":{"id":"review:1:a","key":"review","version":1}}}""");
        _modeler = JSInterop.SetupModule(ModelerModule).SetupModule("create", _ => true);
        _modeler.Setup<string[]>("importXml", _ => true).SetResult([]);
        _modeler.Setup<string>("saveXml").SetResult("<definitions/>");
        _modeler.Setup<string?>("processId").SetResult("review");
    }

    [Fact]
    public void Should_refuse_to_deploy_while_the_lint_finds_errors_naming_each()
    {
        _modeler.Setup<LintIssue[]>("lint").SetResult([
            new("label", "label-required", "warn", "Element is missing label/name"),
            new("choice", "bpm/supported-elements", "error", "A complex gateway cannot run on this engine (bpmn:ComplexGateway)"),
        ]);
        var page = RenderReady();

        page.Find("#deploy").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "Not deployed: the lint found 1 error the engine would refuse — choice: A complex gateway cannot run on this engine (bpmn:ComplexGateway)",
            page.Find("#modeler-message").TextContent));
        Assert.DoesNotContain(_engine.Requests, r => r.Method == "POST");
        Assert.Contains("Lint: 1 error, 1 warning", page.Find("#lint-summary").TextContent);
        Assert.Equal("choice", page.Find("#lint-issues li.bpm-lint-error").GetAttribute("data-issue-element"));
    }

    [Fact]
    public void Should_deploy_when_the_lint_finds_only_warnings()
    {
        _modeler.Setup<LintIssue[]>("lint").SetResult([new("label", "label-required", "warn", "Element is missing label/name")]);
        var page = RenderReady();

        page.Find("#deploy").Click();

        page.WaitForAssertion(() => Assert.Equal("Deployed review version 1", page.Find("#modeler-message").TextContent));
        Assert.Single(_engine.Requests, r => r.Method == "POST" && r.PathAndQuery == "deployment/create");
    }

    [Fact]
    public void Should_select_the_element_an_issue_names()
    {
        var page = RenderReady();
        Linted(page, new LintIssue("choice", "bpm/supported-elements", "error", "A complex gateway cannot run on this engine (bpmn:ComplexGateway)"));

        page.Find("#lint-issues li[data-issue-element='choice'] button").Click();

        Assert.Equal("choice", _modeler.VerifyInvoke("select").Arguments[0]);
    }

    [Fact]
    public void Should_offer_the_form_editor_for_a_selected_user_task_only()
    {
        var page = RenderReady();
        Assert.True(page.Find("#edit-form").HasAttribute("disabled"));

        Select(page, new SelectedElement("bookExpense", "bpmn:ServiceTask", "Book expense"));
        Assert.True(page.Find("#edit-form").HasAttribute("disabled"));

        Select(page, new SelectedElement("reviewRequest", "bpmn:UserTask", "Review request"));
        Assert.False(page.Find("#edit-form").HasAttribute("disabled"));
    }

    [Fact]
    public void Should_open_the_task_form_and_link_the_edited_one_to_the_task()
    {
        const string existing = """{"type":"default","components":[]}""";
        const string edited = """{"type":"default","components":[{"type":"textfield","key":"comment","label":"Comment"}]}""";
        _modeler.Setup<string?>("taskForm", "reviewRequest").SetResult(existing);
        var editor = JSInterop.SetupModule(DialogModule).SetupModule("create", _ => true);
        editor.Setup<string>("save").SetResult(edited);
        var page = RenderReady();
        Select(page, new SelectedElement("reviewRequest", "bpmn:UserTask", "Review request"));

        page.Find("#edit-form").Click();
        page.WaitForAssertion(() => Assert.Equal("Form of Review request", page.Find("#form-editor-title").TextContent));
        Assert.Equal(existing, JSInterop.VerifyInvoke("create", calledTimes: 2)[1].Arguments[1]);
        page.WaitForAssertion(() => Assert.False(page.Find("#form-editor-save").HasAttribute("disabled")));
        page.Find("#form-editor-save").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#form-editor-dialog")));
        var link = _modeler.VerifyInvoke("linkTaskForm");
        Assert.Equal(["reviewRequest", edited], link.Arguments);
        Assert.Contains("The form of Review request is saved in the diagram", page.Find("#modeler-message").TextContent);
    }

    private IRenderedComponent<Bpm.Designer.Pages.Modeler> RenderReady()
    {
        var page = Render<Bpm.Designer.Pages.Modeler>();
        page.WaitForAssertion(() => Assert.False(page.Find("#deploy").HasAttribute("disabled")));
        return page;
    }

    private static void Select(IRenderedComponent<Bpm.Designer.Pages.Modeler> page, SelectedElement element)
    {
        var modeler = page.FindComponent<BpmnModeler>();
        modeler.InvokeAsync(() => modeler.Instance.OnSelectionChanged(element));
    }

    private static void Linted(IRenderedComponent<Bpm.Designer.Pages.Modeler> page, params LintIssue[] issues)
    {
        var modeler = page.FindComponent<BpmnModeler>();
        modeler.InvokeAsync(() => modeler.Instance.OnLinted(issues));
    }
}
