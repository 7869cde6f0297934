using System.Text.Json.Nodes;
using Bpm.Engine.Expressions;
using static Bpm.Engine.Tests.Expressions.Variables;

namespace Bpm.Engine.Tests.Expressions;

public class ExpressionEvaluationFailureTests
{
    [Theory]
    [InlineData("=\"abc\" > 3", "operator '>' cannot be applied to string and number")]
    [InlineData("${'abc' > 3}", "operator '>' cannot be applied to string and number")]
    [InlineData("=true + 1", "operator '+' cannot be applied to boolean and number")]
    [InlineData("${flag * 2}", "operator '*' cannot be applied to boolean and number")]
    [InlineData("=-\"a\"", "operator '-' cannot be applied to string")]
    public void Should_fail_on_a_type_mismatch_naming_the_operator_and_types(string expression, string problem)
    {
        var error = Error(expression, """{"flag": true}""");

        Assert.Contains(problem, error);
        Assert.Contains(expression, error);
    }

    [Theory]
    [InlineData("=1 / 0")]
    [InlineData("${n / 0}")]
    [InlineData("${n % 0}")]
    public void Should_fail_on_division_by_zero(string expression) =>
        Assert.Contains("division by zero", Error(expression, """{"n": 4}"""));

    [Theory]
    [InlineData("=n.size")]
    [InlineData("${n.size}")]
    public void Should_fail_reading_a_property_of_a_non_object(string expression) =>
        Assert.Contains("cannot read property 'size' of number", Error(expression, """{"n": 4}"""));

    [Fact]
    public void Should_fail_when_the_operand_of_a_logical_operator_is_not_a_boolean() =>
        Assert.Contains("operator '&&' expects a boolean but got number 3", Error("${n && true}", """{"n": 3}"""));

    [Theory]
    [InlineData("=x", """{"x": "yes"}""", "did not evaluate to a boolean but to string \"yes\"")]
    [InlineData("=missing > 3", "{}", "did not evaluate to a boolean but to null")]
    [InlineData("${n}", """{"n": 1}""", "did not evaluate to a boolean but to number 1")]
    [InlineData("approved", "{}", "did not evaluate to a boolean but to string \"approved\"")]
    public void Should_fail_a_condition_that_is_not_a_boolean(string expression, string variables, string problem)
    {
        var result = Expression.Parse(expression).EvaluateCondition(Of(variables));

        Assert.False(result.IsSuccess);
        Assert.Equal($"condition '{expression}' {problem}", result.Error);
    }

    [Fact]
    public void Should_pass_a_failure_through_evaluate_condition() =>
        Assert.StartsWith("Unknown property used in expression", Expression.Parse("${x}").EvaluateCondition(Variables.None).Error);

    [Fact]
    public void Should_return_a_copy_that_does_not_alias_the_variables()
    {
        var order = new JsonObject { ["id"] = 1 };
        var lookup = new DictionaryVariableLookup(new Dictionary<string, JsonNode?> { ["order"] = order });
        var expression = Expression.Parse("=[order, order]");

        var first = expression.Evaluate(lookup).Value!.AsArray();
        first[0]!["id"] = 2;

        Assert.Equal(1, order["id"]!.GetValue<int>());
        Assert.True(expression.Evaluate(lookup).IsSuccess);
    }

    [Fact]
    public void Should_compare_numbers_of_different_representations()
    {
        var lookup = new DictionaryVariableLookup(new Dictionary<string, JsonNode?>
        {
            ["i"] = JsonValue.Create(3), ["d"] = JsonValue.Create(3.0), ["m"] = JsonValue.Create(3m), ["l"] = JsonValue.Create(2L),
        });

        Assert.True(Expression.Parse("=i = d and d = m and l < i").EvaluateCondition(lookup).Value);
        Assert.True(Expression.Parse("${i == d && d eq m && l + 1 == i}").EvaluateCondition(lookup).Value);
        Assert.Equal("5", Expression.Parse("=l + d").Evaluate(lookup).Value!.ToJsonString());
    }
}
