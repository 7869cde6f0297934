using Bpm.Designer.Engine;
using Bpm.Designer.People;
using Bpm.Designer.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bpm.Designer.Tests.Components;

public sealed class CockpitPageTests : BunitContext
{
    private readonly FakeEngine _engine = new();

    public CockpitPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(new EngineClient(_engine.Client()));
        _engine.On("GET", "process-definition", """
                [{"id":"pay:1:a","key":"pay","version":1,"name":"Payment"},{"id":"pay:2:b","key":"pay","version":2,"name":"Payment"}]
                """)
            .On("GET", "process-instance", """[{"id":"i1","definitionId":"pay:1:a"},{"id":"i2","definitionId":"pay:2:b"},{"id":"i3","definitionId":"pay:2:b"}]""")
            .On("GET", "incident", """
                [{"id":"n1","incidentTimestamp":"2026-01-02T10:00:00.000+0000","incidentType":"failedExternalTask","processDefinitionId":"pay:2:b","processInstanceId":"i2","activityId":"charge","incidentMessage":"card declined"}]
                """)
            .On("GET", "history/process-instance?maxResults=200", """
                [{"id":"i2","startTime":"2026-01-02T09:00:00.000+0000","state":"ACTIVE","businessKey":"ORDER-7","processDefinitionId":"pay:2:b","processDefinitionKey":"pay","processDefinitionVersion":2}]
                """);
    }

    [Fact]
    public void Should_show_each_definition_with_its_versions_running_instances_and_incidents()
    {
        var page = Render<Bpm.Designer.Pages.Cockpit>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#definitions tbody tr")));
        var row = page.Find("tr[data-definition-key='pay']");
        Assert.Contains("v2", row.TextContent);
        Assert.Contains("v1", row.TextContent);
        Assert.Equal("3", row.QuerySelector(".bpm-running")!.TextContent);
        Assert.Equal("1", row.QuerySelector(".bpm-incident-count")!.TextContent);
        Assert.Contains("ORDER-7", page.Find("#instances tr[data-instance-id='i2']").TextContent);
        Assert.Contains("card declined", page.Find("#incidents tr[data-incident-id='n1']").TextContent);
    }

    [Fact]
    public void Should_offer_start_only_where_the_signed_in_user_is_a_candidate_starter()
    {
        var olga = new CurrentUser(Options.Create(new DesignerOptions { ApiKey = "k" }));
        olga.SignIn(new DesignerUser { Id = "olga", Groups = ["operators"] });
        Services.AddSingleton(new EngineClient(_engine.Client(), olga));
        _engine.On("GET", "process-definition", """
                [{"id":"pay:2:b","key":"pay","version":2},{"id":"leave:1:c","key":"leave","version":1}]
                """)
            .On("GET", "process-definition?startableBy=olga", """[{"id":"leave:1:c","key":"leave","version":1}]""");

        var page = Render<Bpm.Designer.Pages.Cockpit>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#definitions tbody tr").Count));
        Assert.NotNull(page.Find("tr[data-definition-key='leave'] .bpm-start"));
        Assert.Empty(page.FindAll("tr[data-definition-key='pay'] .bpm-start"));
        Assert.Contains("Only its candidate starters may start v2", page.Find("tr[data-definition-key='pay'] .bpm-not-startable").TextContent);
        Assert.Contains(_engine.Requests, r => r.PathAndQuery == "process-definition?startableBy=olga");
    }

    [Fact]
    public void Should_offer_start_on_every_definition_when_the_engine_does_not_act_for_the_designers_users()
    {
        var page = Render<Bpm.Designer.Pages.Cockpit>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("tr[data-definition-key='pay'] .bpm-start")));
        Assert.DoesNotContain(_engine.Requests, r => r.PathAndQuery.Contains("startableBy", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_filter_instances_by_state_and_business_key_through_the_history_query()
    {
        _engine.On("GET", "history/process-instance?maxResults=200&state=COMPLETED&processInstanceBusinessKey=ORDER-9", """
            [{"id":"i9","startTime":"2026-01-02T09:00:00.000+0000","state":"COMPLETED","businessKey":"ORDER-9","processDefinitionKey":"pay","processDefinitionVersion":1}]
            """);
        var page = Render<Bpm.Designer.Pages.Cockpit>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#instances tr[data-instance-id='i2']")));

        page.Find("#instance-state").Change("COMPLETED");
        page.Find("#instance-business-key").Change("ORDER-9");

        page.WaitForAssertion(() => Assert.Contains("COMPLETED", page.Find("#instances tr[data-instance-id='i9']").TextContent));
        Assert.Empty(page.FindAll("#instances tr[data-instance-id='i2']"));
    }

    [Fact]
    public void Should_show_the_definitions_when_a_filter_changes_while_the_page_is_still_loading()
    {
        var slowRunningInstances = _engine.Hold("GET", "process-instance");
        _engine.On("GET", "history/process-instance?maxResults=200&state=COMPLETED", "[]");
        var page = Render<Bpm.Designer.Pages.Cockpit>();
        page.WaitForAssertion(() => Assert.Contains(_engine.Requests, r => r.PathAndQuery == "process-instance"));

        page.Find("#instance-state").Change("COMPLETED");
        page.WaitForAssertion(() => Assert.Contains(_engine.Requests, r => r.PathAndQuery.EndsWith("state=COMPLETED", StringComparison.Ordinal)));
        slowRunningInstances.SetResult();

        page.WaitForAssertion(() => Assert.Equal("3", page.Find("tr[data-definition-key='pay'] .bpm-running").TextContent));
        page.Find("tr[data-definition-key='pay'] .bpm-business-key").Change("ORDER-8");
        page.WaitForAssertion(() => Assert.Equal("ORDER-8", page.Find("tr[data-definition-key='pay'] .bpm-business-key").GetAttribute("value")));
    }

    [Fact]
    public void Should_retry_an_incident()
    {
        var page = Render<Bpm.Designer.Pages.Cockpit>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#incidents .bpm-retry")));
        _engine.On("GET", "incident", "[]");

        page.Find("#incidents .bpm-retry").Click();

        page.WaitForAssertion(() => Assert.Contains("Retried the incident at charge", page.Find("#cockpit-message").TextContent));
        Assert.Single(_engine.Requests, r => r.Method == "POST" && r.PathAndQuery == "incident/n1/retry");
        Assert.NotNull(page.Find("#no-incidents"));
    }
}
