using Bpm.Engine.Expressions;
using static Bpm.Engine.Tests.Expressions.Variables;

namespace Bpm.Engine.Tests.Expressions;

public class JuelExpressionTests
{
    private const string Order = """{"order": {"id": "o-1", "lines": [{"qty": 2}, {"qty": 5}], "note": ""}, "name": "Ann"}""";

    [Theory]
    [InlineData("""{"score": 5, "region": "US"}""", true)]
    [InlineData("""{"score": 1, "region": "EU"}""", true)]
    [InlineData("""{"score": 1, "region": "US"}""", false)]
    public void Should_evaluate_or_of_comparisons(string variables, bool expected)
    {
        var result = Expression.Parse("${score > 3 || region == 'EU'}").EvaluateCondition(Of(variables));

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("""{"urgent": true}""", false)]
    [InlineData("""{"urgent": false}""", true)]
    public void Should_negate_a_boolean_variable(string variables, bool expected) =>
        Assert.Equal(expected, Expression.Parse("${!urgent}").EvaluateCondition(Of(variables)).Value);

    [Theory]
    [InlineData("${1 + 2 * 3}", "7")]
    [InlineData("${(1 + 2) * 3}", "9")]
    [InlineData("${10 / 4}", "2.5")]
    [InlineData("${10 div 4}", "2.5")]
    [InlineData("${10 % 4 + 10 mod 3}", "3")]
    [InlineData("${-3 + 1}", "-2")]
    public void Should_respect_arithmetic_precedence(string expression, string expected) =>
        Assert.Equal(expected, Json(expression));

    [Theory]
    [InlineData("${a eq 1 and b ne 1}", "true")]
    [InlineData("${a lt b && b gt a}", "true")]
    [InlineData("${a le 1 or false}", "true")]
    [InlineData("${not (a ge b)}", "true")]
    public void Should_accept_word_operators(string expression, string expected) =>
        Assert.Equal(expected, Json(expression, """{"a": 1, "b": 2}"""));

    [Fact]
    public void Should_concatenate_with_plus_when_a_side_is_a_string() =>
        Assert.Equal("\"Dear Ann (3)\"", Json("${'Dear ' + name + \" (\" + n + ')'}", """{"name": "Ann", "n": 3}"""));

    [Theory]
    [InlineData("${order.id}", "\"o-1\"")]
    [InlineData("${order['id']}", "\"o-1\"")]
    [InlineData("${order.lines[1].qty}", "5")]
    [InlineData("${order.lines[2]}", "null")]
    [InlineData("${order.missing}", "null")]
    [InlineData("${order}", """{"id":"o-1","lines":[{"qty":2},{"qty":5}],"note":""}""")]
    public void Should_follow_paths_into_nested_json_with_zero_based_indexes(string expression, string expected) =>
        Assert.Equal(expected, Json(expression, Order));

    [Theory]
    [InlineData("${empty order.note}", "true")]
    [InlineData("${empty order.lines}", "false")]
    [InlineData("${empty order.missing}", "true")]
    public void Should_test_emptiness(string expression, string expected) =>
        Assert.Equal(expected, Json(expression, Order));

    [Theory]
    [InlineData("${x > 3 ? 'big' : 'small'}", "\"big\"")]
    [InlineData("${x == null ? 'none' : 'some'}", "\"some\"")]
    [InlineData("${nothing == null}", "true")]
    public void Should_choose_with_the_ternary_operator_and_compare_with_null(string expression, string expected) =>
        Assert.Equal(expected, Json(expression, """{"x": 4, "nothing": null}"""));

    [Fact]
    public void Should_render_a_template_as_a_string() =>
        Assert.Equal("\"Hello Ann, you have 3 tasks!\"", Json("Hello ${name}, you have ${count} tasks!", """{"name": "Ann", "count": 3}"""));

    [Fact]
    public void Should_return_the_value_of_a_single_embedded_expression_with_its_type() =>
        Assert.Equal("[1,2]", Json("  ${items}  ", """{"items": [1, 2]}"""));

    [Fact]
    public void Should_treat_hash_braces_like_dollar_braces_and_keep_escaped_ones_literal() =>
        Assert.Equal("\"Ann costs ${price}\"", Json("#{name} costs \\${price}", """{"name": "Ann"}"""));

    [Fact]
    public void Should_read_variables_through_execution_get_variable()
    {
        Assert.Equal("\"Ann\"", Json("${execution.getVariable('name')}", """{"name": "Ann"}"""));
        Assert.Equal("null", Json("${execution.getVariable('missing')}"));
    }

    [Fact]
    public void Should_fail_on_an_unknown_variable_with_camunda_wording() =>
        Assert.Equal("Unknown property used in expression: ${amount > 3}. Cause: Cannot resolve identifier 'amount'", Error("${amount > 3}"));
}
