using Bpm.Engine.Runtime;
using Bpm.Engine.Scripting;

namespace Bpm.Engine.Tests.Tasks;

public sealed class ScriptTaskBehaviorTests
{
    [Fact]
    public void Should_store_the_script_value_in_the_result_variable_and_variables_it_sets()
    {
        var run = ProcessHarness.Start("script-task.bpmn", """{"items": [{"price": 10}, {"price": 32.5}]}""");
        Assert.Equal(42.5m, run.Variable("total")!.GetValue<decimal>());
        Assert.Equal(2, run.Variable("itemCount")!.GetValue<int>());
        Assert.Equal(InstanceState.Completed, run.Instance.State);
    }

    [Fact]
    public void Should_run_a_Camunda_8_FEEL_script()
    {
        var run = ProcessHarness.Start("script-task.bpmn", """{"items": [{"price": 21}]}""");
        Assert.Equal(42m, run.Variable("doubled")!.GetValue<decimal>());
    }

    [Fact]
    public void Should_stop_a_script_that_runs_past_its_time_limit_with_an_incident()
    {
        var run = ProcessHarness.Start("script-hostile.bpmn", edit: xml => xml.Replace("${SCRIPT}", "while (true) { }"),
            scripts: new ScriptOptions { TimeLimit = TimeSpan.FromMilliseconds(200), MaxStatements = int.MaxValue });
        var incident = Assert.Single(run.Incidents);
        Assert.Equal(IncidentTypes.FailedScript, incident.IncidentType);
        Assert.Contains("time limit", incident.Message);
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("require('fs')")]
    public void Should_give_scripts_no_access_to_the_host(string script)
    {
        var run = ProcessHarness.Start("script-hostile.bpmn", edit: xml => xml.Replace("${SCRIPT}", script));
        var incident = Assert.Single(run.Incidents);
        Assert.Equal(IncidentTypes.FailedScript, incident.IncidentType);
        Assert.Contains("is not defined", incident.Message);
    }

    [Fact]
    public void Should_stop_a_script_that_allocates_past_its_memory_limit()
    {
        var run = ProcessHarness.Start("script-hostile.bpmn",
            edit: xml => xml.Replace("${SCRIPT}", "var a = []; for (var i = 0; i &lt; 10000000; i++) { a.push('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' + i); }"));
        var incident = Assert.Single(run.Incidents);
        Assert.Contains("limit", incident.Message);
    }
}
