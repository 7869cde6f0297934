using Bpm.Contracts.Rest;
using Bpm.Designer.Components.Tasks;
using Bunit;
using System.Text.Json.Nodes;

namespace Bpm.Designer.Tests.Components;

public sealed class GeneratedTaskFormTests : BunitContext
{
    [Fact]
    public void Should_refuse_a_value_that_does_not_fit_its_type_naming_the_field()
    {
        Dictionary<string, VariableValueDto>? completed = null;
        var form = Render<GeneratedTaskForm>(p => p
            .Add(c => c.Variables, new Dictionary<string, VariableValueDto> { ["amount"] = new(JsonValue.Create(5), "Long", null) })
            .Add(c => c.OnComplete, v => completed = v));

        form.Find("#var-amount").Change("five");
        form.Find("#complete-task").Click();

        Assert.Null(completed);
        Assert.Equal("'amount' must be a whole number, was 'five'", form.Find("#form-error").TextContent);
    }

    [Fact]
    public void Should_send_new_variables_with_their_types()
    {
        Dictionary<string, VariableValueDto>? completed = null;
        var form = Render<GeneratedTaskForm>(p => p
            .Add(c => c.Variables, new Dictionary<string, VariableValueDto>())
            .Add(c => c.OnComplete, v => completed = v));

        form.Find("#add-variable").Click();
        form.Find(".bpm-var-name").Change("approved");
        form.Find(".bpm-var-type").Change("Boolean");
        form.Find("input[type=checkbox]").Change(true);
        form.Find("#complete-task").Click();

        var approved = Assert.Single(completed!);
        Assert.Equal("approved", approved.Key);
        Assert.Equal("Boolean", approved.Value.Type);
        Assert.True(approved.Value.Value!.GetValue<bool>());
    }

    [Fact]
    public void Should_disable_completion_until_the_task_is_claimed()
    {
        var form = Render<GeneratedTaskForm>(p => p.Add(c => c.Variables, new Dictionary<string, VariableValueDto>()).Add(c => c.CanComplete, false));

        Assert.True(form.Find("#complete-task").HasAttribute("disabled"));
    }
}
