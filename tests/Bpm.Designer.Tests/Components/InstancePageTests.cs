using Bpm.Designer.Engine;
using Bpm.Designer.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Bpm.Designer.Tests.Components;

public sealed class InstancePageTests : BunitContext
{
    private readonly FakeEngine _engine = new();

    public InstancePageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(new EngineClient(_engine.Client()));
        _engine.On("GET", "history/process-instance/i1", """
                {"id":"i1","startTime":"2026-01-02T09:00:00.000+0000","state":"ACTIVE","businessKey":"B-1","processDefinitionId":"pay:1:a","processDefinitionKey":"pay","processDefinitionVersion":1}
                """)
            .On("GET", "process-definition/pay%3A1%3Aa/xml", """{"id":"pay:1:a","bpmn20Xml":"<definitions/>"}""")
            .On("GET", "history/activity-instance?processInstanceId=i1", """
                [{"id":"a1","activityId":"start","activityType":"startEvent","startTime":"2026-01-02T09:00:00.000+0000","endTime":"2026-01-02T09:00:00.000+0000"},
                 {"id":"a2","activityId":"charge","activityType":"serviceTask","startTime":"2026-01-02T09:00:00.000+0000"}]
                """)
            .On("GET", "incident?processInstanceId=i1", "[]")
            .On("GET", "process-instance/i1/activity-instances", """
                {"id":"i1","activityId":"pay:1:a","activityType":"processDefinition","processInstanceId":"i1","processDefinitionId":"pay:1:a",
                 "childActivityInstances":[{"id":"a2","parentActivityInstanceId":"i1","activityId":"charge","activityType":"serviceTask","processInstanceId":"i1","processDefinitionId":"pay:1:a","childActivityInstances":[],"childTransitionInstances":[],"executionIds":["a2"]}],
                 "childTransitionInstances":[],"executionIds":["i1"]}
                """)
            .On("GET", "process-instance/i1/variables", """{"amount":{"value":12,"type":"Long","valueInfo":{}},"note":{"value":"x","type":"String","valueInfo":{}}}""");
    }

    [Fact]
    public void Should_show_the_diagram_with_a_token_on_the_active_activity()
    {
        var page = Render<Bpm.Designer.Pages.Instance>(p => p.Add(c => c.Id, "i1"));

        page.WaitForAssertion(() => Assert.Equal("ACTIVE", page.Find("#instance-state").TextContent));
        page.WaitForState(() => JSInterop.Invocations.Any(i => i.Identifier == "show"));
        var show = JSInterop.Invocations.First(i => i.Identifier == "show");
        Assert.Equal("<definitions/>", show.Arguments[0]);
        Assert.Contains("charge", System.Text.Json.JsonSerializer.Serialize(show.Arguments[1]));
        Assert.Equal(2, page.FindAll("#instance-history tbody tr").Count);
    }

    [Fact]
    public void Should_save_changed_and_removed_variables()
    {
        var page = Render<Bpm.Designer.Pages.Instance>(p => p.Add(c => c.Id, "i1"));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#instance-variables tbody tr").Count));

        page.Find("tr[data-variable='amount'] .bpm-var-value").Change("99");
        page.Find("tr[data-variable='note'] .bpm-remove-variable").Click();
        page.Find("#save-variables").Click();

        page.WaitForAssertion(() => Assert.Contains("Variables saved", page.Find("#instance-message").TextContent));
        var saved = Assert.Single(_engine.Requests, r => r.Method == "POST" && r.PathAndQuery == "process-instance/i1/variables");
        Assert.Contains("\"amount\":{\"value\":99,\"type\":\"Long\"", saved.Body);
        Assert.Contains("\"deletions\":[\"note\"]", saved.Body);
    }

    [Fact]
    public void Should_suspend_and_cancel_after_confirmation()
    {
        var page = Render<Bpm.Designer.Pages.Instance>(p => p.Add(c => c.Id, "i1"));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#suspend-instance")));

        page.Find("#suspend-instance").Click();
        page.WaitForAssertion(() => Assert.Contains("Suspended", page.Find("#instance-message").TextContent));
        Assert.Contains("\"suspended\":true", Assert.Single(_engine.Requests, r => r.Method == "PUT").Body);

        page.Find("#cancel-instance").Click();
        Assert.DoesNotContain(_engine.Requests, r => r.Method == "DELETE");
        page.Find("#confirm-cancel").Click();
        page.WaitForAssertion(() => Assert.Single(_engine.Requests, r => r.Method == "DELETE" && r.PathAndQuery == "process-instance/i1"));
    }
}
