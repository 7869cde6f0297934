using System.Net;
using System.Text.Json.Nodes;
using Bpm.Designer.Components.Modeler;
using Bpm.Designer.Engine;
using Bpm.Designer.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Bpm.Designer.Tests.Components;

/// <summary>The modeler page hands the engine's activity catalog to the diagram and says what came of it.</summary>
public sealed class ModelerCatalogTests : BunitContext
{
    private const string Catalog = """
        [{"name":"Record decision","id":"bpm.record-decision","version":1,"appliesTo":["bpmn:Task"],
          "properties":[{"type":"Hidden","value":"record-decision","binding":{"type":"zeebe:taskDefinition","property":"type"}}]},
         {"name":"Notify Slack","id":"bpm.slack-summary","version":1,"appliesTo":["bpmn:Task"],
          "properties":[{"type":"Hidden","value":"slack-summary","binding":{"type":"zeebe:taskDefinition","property":"type"}}]}]
        """;

    private readonly FakeEngine _engine = new();
    private readonly BunitJSInterop _modeler;

    public ModelerCatalogTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(new EngineClient(_engine.Client()));
        var module = JSInterop.SetupModule("./_content/Bpm.Designer/Components/Modeler/BpmnModeler.razor.js");
        _modeler = module.SetupModule("create", _ => true);
        _modeler.Mode = JSRuntimeMode.Loose;
        _modeler.Setup<string[]>("importXml", _ => true).SetResult([]);
        _engine.On("GET", "process-definition", "[]");
    }

    [Fact]
    public void Should_hand_the_engines_activity_catalog_to_the_modeler_and_count_what_it_offers()
    {
        _engine.On("GET", "/api/activity-templates", Catalog);
        _modeler.Setup<CatalogLoad>("setTemplates", _ => true).SetResult(new CatalogLoad(2, 0, []));

        var page = Render<Bpm.Designer.Pages.Modeler>();

        page.WaitForAssertion(() => Assert.Equal("2 catalog activities", page.Find("#catalog-status").TextContent));
        var handed = Assert.Single(_modeler.Invocations["setTemplates"]);
        var templates = Assert.IsType<JsonArray>(handed.Arguments[0]);
        Assert.Equal(["bpm.record-decision", "bpm.slack-summary"], templates.Select(t => (string?)t!["id"]));
        Assert.DoesNotContain("bpm-error", page.Find("#catalog-status").ClassName);
        Assert.Single(_modeler.Invocations["importXml"]);
    }

    [Fact]
    public void Should_name_the_templates_the_modeler_refused_and_why()
    {
        _engine.On("GET", "/api/activity-templates", Catalog);
        const string problem = "template(id: <bpm.slack-summary>, name: <Notify Slack>): must be string";
        _modeler.Setup<CatalogLoad>("setTemplates", _ => true).SetResult(new CatalogLoad(1, 1, [problem]));

        var page = Render<Bpm.Designer.Pages.Modeler>();

        page.WaitForAssertion(() => Assert.Equal("1 catalog activity, 1 refused", page.Find("#catalog-status").TextContent));
        Assert.Contains("bpm-error", page.Find("#catalog-status").ClassName);
        Assert.Equal(problem, page.Find("#catalog-status").GetAttribute("title"));
    }

    [Fact]
    public void Should_keep_modeling_when_the_catalog_cannot_be_loaded()
    {
        _engine.OnError("GET", "/api/activity-templates", """{"type":"ServerError","message":"catalog store down"}""", HttpStatusCode.InternalServerError);

        var page = Render<Bpm.Designer.Pages.Modeler>();

        page.WaitForAssertion(() => Assert.Equal("Activity catalog unavailable", page.Find("#catalog-status").TextContent));
        Assert.StartsWith("catalog store down", page.Find("#catalog-status").GetAttribute("title"));
        Assert.Empty(_modeler.Invocations["setTemplates"]);
        Assert.Single(_modeler.Invocations["importXml"]);
        Assert.Null(page.Find("#deploy").GetAttribute("disabled"));
    }
}
