using Bpm.Engine.Expressions;
using static Bpm.Engine.Tests.Expressions.Variables;

namespace Bpm.Engine.Tests.Expressions;

public class FeelTemporalTests
{
    private const string Demo = """{"demoAt": "2026-11-26T10:00:00Z", "reminder": "PT24H", "a": true, "b": false}""";

    [Fact]
    public void Should_subtract_a_duration_from_a_date_and_time_read_from_a_variable() =>
        Assert.Equal("\"2026-11-25T10:00:00.000Z\"", Json("""=date and time(demoAt) - duration("PT24H")""", Demo));

    [Theory]
    [InlineData("""=date and time("2026-11-26T10:00:00Z") + duration("PT24H")""", "2026-11-27T10:00:00.000Z")]
    [InlineData("""=duration("P1D") + date and time("2026-11-26T10:00:00Z")""", "2026-11-27T10:00:00.000Z")]
    [InlineData("""=date and time("2026-11-26T10:00:00Z") + duration("-PT30M")""", "2026-11-26T09:30:00.000Z")]
    [InlineData("""=date and time("2026-11-26T10:00:00+01:00") - duration("PT1H")""", "2026-11-26T08:00:00.000Z")]
    [InlineData("""=date and time(demoAt) - duration(reminder)""", "2026-11-25T10:00:00.000Z")]
    [InlineData("""=date and time("2026-11-26T10:00:00.1234")""", "2026-11-26T10:00:00.123Z")]
    [InlineData("""=date and time("2026-12-31T23:30:00Z") + duration("PT1H")""", "2027-01-01T00:30:00.000Z")]
    public void Should_compute_date_and_time_with_durations(string expression, string expected) =>
        Assert.Equal(expected, Text(expression));

    [Theory]
    [InlineData("""=date and time("2026-11-26T10:00:00Z") - date and time("2026-11-25T10:30:00Z")""", "PT23H30M")]
    [InlineData("""=date and time("2026-11-25T10:30:00Z") - date and time("2026-11-26T10:00:00Z")""", "-PT23H30M")]
    [InlineData("""=date and time("2026-11-27T12:00:00Z") - date and time("2026-11-26T10:00:00Z")""", "P1DT2H")]
    [InlineData("""=date and time(demoAt) - date and time(demoAt)""", "PT0S")]
    [InlineData("""=duration("PT24H")""", "P1D")]
    [InlineData("""=duration("-PT30M")""", "-PT30M")]
    [InlineData("""=duration("P1D") + duration("PT2H")""", "P1DT2H")]
    [InlineData("""=duration("P1D") - duration("PT30M")""", "PT23H30M")]
    [InlineData("""=duration("PT30M") - duration("PT1H")""", "-PT30M")]
    [InlineData("""=duration("PT30M") * 3""", "PT1H30M")]
    [InlineData("""=2 * duration("PT1H30M")""", "PT3H")]
    [InlineData("""=duration("PT1H") * 1.5""", "PT1H30M")]
    [InlineData("""=-duration("PT1H")""", "-PT1H")]
    [InlineData("""=duration("PT1.5S")""", "PT1.5S")]
    [InlineData("""=duration("P2W")""", "P14D")]
    public void Should_compute_durations(string expression, string expected) =>
        Assert.Equal(expected, Text(expression, Demo));

    [Theory]
    [InlineData("""=date("2026-11-26")""", "2026-11-26")]
    [InlineData("""=date("2026-11-26") + duration("P1D")""", "2026-11-27")]
    [InlineData("""=date("2026-11-26") - date("2026-11-20")""", "P6D")]
    public void Should_compute_with_dates(string expression, string expected) =>
        Assert.Equal(expected, Text(expression));

    [Theory]
    [InlineData("""=date and time("2026-11-26T10:00:00Z") < date and time("2026-11-26T10:00:01Z")""", true)]
    [InlineData("""=date and time("2026-11-26T10:00:00Z") > date and time("2026-11-26T10:00:01Z")""", false)]
    [InlineData("""=date and time("2026-11-26T11:00:00+01:00") = date and time("2026-11-26T10:00:00Z")""", true)]
    [InlineData("""=date and time("2026-11-26T11:00:00+01:00") != date and time("2026-11-26T10:00:00Z")""", false)]
    [InlineData("""=date and time("2026-11-26T09:00:00-05:00") > date and time("2026-11-26T10:00:00Z")""", true)]
    [InlineData("""=date and time(demoAt) - duration("PT24H") <= date and time("2026-11-25T10:00:00Z")""", true)]
    [InlineData("""=duration("PT24H") = duration("P1D")""", true)]
    [InlineData("""=duration("PT90M") > duration("PT1H")""", true)]
    [InlineData("""=duration("-PT30M") >= duration("PT0S")""", false)]
    [InlineData("""=duration("PT1H") < duration("PT1H")""", false)]
    [InlineData("""=duration("PT1H") <= duration("PT60M")""", true)]
    [InlineData("""=date("2026-11-26") < date("2026-11-27")""", true)]
    public void Should_compare_temporal_values_by_instant_or_length(string expression, bool expected)
    {
        var result = Expression.Parse(expression).EvaluateCondition(Of(Demo));

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Should_keep_a_variable_holding_an_iso_string_a_plain_string()
    {
        Assert.Equal("\"2026-11-26T10:00:00ZPT24H\"", Json("=demoAt + reminder", Demo));
        Assert.Contains("operator '-' cannot be applied to string and duration", Error("""=demoAt - duration("PT24H")""", Demo));
        Assert.Contains("operator '<' cannot be applied to date and time and string", Error("""=date and time(demoAt) < demoAt""", Demo));
    }

    [Fact]
    public void Should_concatenate_a_temporal_value_with_a_string() =>
        Assert.Equal("\"due 2026-11-25T10:00:00.000Z\"", Json("""="due " + (date and time(demoAt) - duration(reminder))""", Demo));

    [Fact]
    public void Should_not_consider_a_temporal_value_equal_to_a_plain_string() =>
        Assert.Equal("false", Json("""=duration("P1D") = "P1D" """));

    [Theory]
    [InlineData("""=date and time("tomorrow")""", "date and time(\"tomorrow\")")]
    [InlineData("""=date and time("2026-02-30T10:00:00Z")""", "date and time(\"2026-02-30T10:00:00Z\")")]
    [InlineData("""=date and time("11/26/2026 10:00")""", "date and time(\"11/26/2026 10:00\")")]
    [InlineData("""=duration("24h")""", "duration(\"24h\")")]
    [InlineData("""=duration("P")""", "duration(\"P\")")]
    [InlineData("""=duration("PT")""", "duration(\"PT\")")]
    [InlineData("""=duration("P1Y")""", "duration(\"P1Y\")")]
    [InlineData("""=date("26.11.2026")""", "date(\"26.11.2026\")")]
    public void Should_fail_on_invalid_temporal_text_naming_the_function_and_the_text(string expression, string naming) =>
        Assert.Contains(naming, Error(expression));

    [Theory]
    [InlineData("""=date and time("2026-11-26T10:00:00Z") + date and time("2026-11-26T10:00:00Z")""", "operator '+' cannot be applied to date and time and date and time")]
    [InlineData("""=duration("PT1H") - date and time("2026-11-26T10:00:00Z")""", "operator '-' cannot be applied to duration and date and time")]
    [InlineData("""=date and time("2026-11-26T10:00:00Z") < duration("PT1H")""", "operator '<' cannot be applied to date and time and duration")]
    [InlineData("""=date and time("2026-11-26T10:00:00Z") + 1""", "operator '+' cannot be applied to date and time and number")]
    [InlineData("""=duration("PT1H") * duration("PT1H")""", "operator '*' cannot be applied to duration and duration")]
    [InlineData("""=duration(5)""", "duration() expects a string but got number 5")]
    [InlineData("""=date and time("9999-12-31T23:00:00Z") + duration("PT2H")""", "outside the supported range")]
    public void Should_fail_on_unsupported_temporal_operations(string expression, string problem) =>
        Assert.Contains(problem, Error(expression));

    [Theory]
    [InlineData("=now()")]
    [InlineData("""=date and time("2026-11-26T10:00:00Z") < now()""")]
    [InlineData("=today()")]
    public void Should_refuse_the_clock_functions_and_suggest_a_variable(string expression)
    {
        var error = Error(expression);

        Assert.Contains("()", error);
        Assert.Contains("is not supported", error);
        Assert.Contains("variable", error);
    }

    [Fact]
    public void Should_name_now_when_refusing_it() =>
        Assert.Contains("now()", Error("=now()"));

    [Fact]
    public void Should_give_null_for_a_missing_argument() =>
        Assert.Equal("null", Json("=date and time(missing) + duration(\"PT1H\")"));

    [Theory]
    [InlineData("=a and b", false)]
    [InlineData("=a and not(b)", true)]
    [InlineData("=date and time", true)]
    public void Should_keep_and_a_boolean_operator(string expression, bool expected)
    {
        var result = Expression.Parse(expression).EvaluateCondition(Of("""{"a": true, "b": false, "date": true, "time": true}"""));

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("""=duration("PT1H", "PT2H")""", "function 'duration' expects 1 argument but got 2")]
    [InlineData("=now(1)", "function 'now' expects 0 arguments but got 1")]
    [InlineData("=time(x)", "unknown function 'time'")]
    public void Should_reject_wrong_calls_when_parsing(string expression, string problem) =>
        Assert.Contains(problem, Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse(expression)).Message);

    [Fact]
    public void Should_leave_juel_unchanged() =>
        Assert.Contains("Cannot resolve identifier 'duration'", Error("${duration}"));

    private static string Text(string expression, string variablesJson = Demo)
    {
        var value = Value(expression, variablesJson);
        Assert.True(JsonValueIsString(value), $"expected a string but got {value?.ToJsonString() ?? "null"}");
        return value!.GetValue<string>();
    }

    private static bool JsonValueIsString(System.Text.Json.Nodes.JsonNode? node) =>
        node?.GetValueKind() == System.Text.Json.JsonValueKind.String;
}
