using System.Text.Json.Nodes;
using Bpm.Engine.Expressions;
using static Bpm.Engine.Tests.Expressions.Variables;

namespace Bpm.Engine.Tests.Expressions;

public class FeelExpressionTests
{
    private const string Order = """{"total": 120, "order": {"priority": "high", "items": [{"sku": "a", "price": 10}, {"sku": "b", "price": 25.5}]}}""";

    [Theory]
    [InlineData("""{"total": 600, "order": {"priority": "low"}}""", true)]
    [InlineData("""{"total": 100, "order": {"priority": "high"}}""", true)]
    [InlineData("""{"total": 100, "order": {"priority": "low"}}""", false)]
    public void Should_evaluate_or_of_comparison_and_path_equality(string variables, bool expected)
    {
        var result = Expression.Parse("""=total >= 500 or order.priority = "high" """).EvaluateCondition(Of(variables));

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("=1 + 2 * 3", "7")]
    [InlineData("=(1 + 2) * 3", "9")]
    [InlineData("=10 - 4 - 3", "3")]
    [InlineData("=10 / 4", "2.5")]
    [InlineData("=-2 + 5", "3")]
    [InlineData("=2 ** 10", "1024")]
    [InlineData("=7 % 3", "1")]
    [InlineData("=1.5 * 2", "3")]
    public void Should_respect_arithmetic_precedence(string expression, string expected) =>
        Assert.Equal(expected, Json(expression));

    [Fact]
    public void Should_keep_integer_results_integral() =>
        Assert.Equal("3", Json("=a + b", """{"a": 1, "b": 2}"""));

    [Fact]
    public void Should_concatenate_with_plus_when_a_side_is_a_string() =>
        Assert.Equal("\"Order 42 for Ann\"", Json("""="Order " + id + " for " + name""", """{"id": 42, "name": "Ann"}"""));

    [Fact]
    public void Should_build_a_list_from_a_list_literal()
    {
        var value = Value("=[1, \"two\", x]", """{"x": true}""");

        Assert.IsType<JsonArray>(value);
        Assert.Equal("""[1,"two",true]""", value!.ToJsonString());
    }

    [Fact]
    public void Should_build_an_object_from_a_context_literal()
    {
        var value = Value("""={a: 1, "b c": total + 1, nested: {d: [1]}}""", Order);

        Assert.IsType<JsonObject>(value);
        Assert.Equal("""{"a":1,"b c":121,"nested":{"d":[1]}}""", value!.ToJsonString());
    }

    [Theory]
    [InlineData("=order.items[1].sku", "\"a\"")]
    [InlineData("=order.items[-1].price", "25.5")]
    [InlineData("=order.items[3]", "null")]
    [InlineData("=order.items.sku", """["a","b"]""")]
    [InlineData("=order.customer.name", "null")]
    public void Should_follow_paths_into_nested_json_with_one_based_indexes(string expression, string expected) =>
        Assert.Equal(expected, Json(expression, Order));

    [Fact]
    public void Should_read_a_missing_variable_as_null()
    {
        Assert.Equal("null", Json("=missing"));
        Assert.Equal("null", Json("=missing > 3"));
        Assert.Equal("true", Json("=missing = null"));
    }

    [Theory]
    [InlineData("=false and x", "false")]
    [InlineData("=x and false", "false")]
    [InlineData("=true or x", "true")]
    [InlineData("=x or true", "true")]
    [InlineData("=true and x", "null")]
    [InlineData("=false or x", "null")]
    public void Should_use_three_valued_logic_for_and_or(string expression, string expected) =>
        Assert.Equal(expected, Json(expression));

    [Theory]
    [InlineData("=not(true)", "false")]
    [InlineData("=not(x)", "null")]
    [InlineData("=is defined(total)", "true")]
    [InlineData("=is defined(order.customer)", "false")]
    [InlineData("=is defined(nothing)", "false")]
    public void Should_support_not_and_is_defined(string expression, string expected) =>
        Assert.Equal(expected, Json(expression, Order));

    [Theory]
    [InlineData("=if total > 100 then \"big\" else \"small\"", "\"big\"")]
    [InlineData("=if missing then 1 else 2", "2")]
    public void Should_choose_a_branch_with_if_then_else(string expression, string expected) =>
        Assert.Equal(expected, Json(expression, Order));

    [Fact]
    public void Should_unescape_string_literals() =>
        Assert.Equal("say \"hi\"\\\n", Value("""="say \"hi\"\\\n" """)!.GetValue<string>());

    [Theory]
    [InlineData("=\"b\" > \"a\"", "true")]
    [InlineData("=\"B\" < \"a\"", "true")]
    [InlineData("=3 != 4", "true")]
    [InlineData("=[1, 2] = [1, 2]", "true")]
    public void Should_compare_strings_ordinally_and_values_structurally(string expression, string expected) =>
        Assert.Equal(expected, Json(expression));
}
