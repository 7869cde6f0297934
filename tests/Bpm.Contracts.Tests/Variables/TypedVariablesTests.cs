using System.Text.Json.Nodes;
using Bpm.Contracts.Rest;
using Bpm.Contracts.Variables;

namespace Bpm.Contracts.Tests.Variables;

public sealed class TypedVariablesTests
{
    private static VariableValueDto Typed(JsonNode? value, string? type, JsonObject? valueInfo = null) =>
        new(value, type, valueInfo ?? new JsonObject());

    private static string? Plain(JsonNode? value, string? type, JsonObject? valueInfo = null) =>
        TypedVariables.ToJson("v", Typed(value, type, valueInfo))?.ToJsonString();

    [Theory]
    [InlineData("Integer")]
    [InlineData("integer")]
    [InlineData("INTEGER")]
    public void Should_read_type_names_case_insensitively(string type) =>
        Assert.Equal("42", Plain(42, type));

    [Fact]
    public void Should_convert_each_primitive_type_to_its_plain_json_value()
    {
        Assert.Equal("\"abc\"", Plain("abc", "String"));
        Assert.Equal("true", Plain(true, "Boolean"));
        Assert.Equal("-7", Plain(-7, "Short"));
        Assert.Equal("9000000000", Plain(9_000_000_000L, "Long"));
        Assert.Equal("1.5", Plain(1.5, "Double"));
        Assert.Null(Plain(null, "Null"));
    }

    [Theory]
    [InlineData("Integer", "42", "42")]
    [InlineData("Long", " 9000000000 ", "9000000000")]
    [InlineData("Double", "2.5", "2.5")]
    [InlineData("Boolean", "true", "true")]
    [InlineData("Boolean", "False", "false")]
    public void Should_accept_a_string_that_parses_as_the_declared_type(string type, string value, string expected) =>
        Assert.Equal(expected, Plain(value, type));

    [Fact]
    public void Should_name_variable_value_and_type_when_a_string_is_not_an_integer()
    {
        var error = Assert.Throws<VariableTypeException>(() =>
            TypedVariables.ToJson("amount", Typed("abc", "Integer")));

        Assert.Equal("Cannot convert value 'abc' of variable 'amount' to type Integer", error.Message);
        Assert.Equal("amount", error.VariableName);
        Assert.Equal("Integer", error.TypeName);
    }

    [Fact]
    public void Should_reject_a_number_with_a_fraction_for_integer() =>
        Assert.Throws<VariableTypeException>(() => Plain(JsonNode.Parse("4.5"), "Integer"));

    [Fact]
    public void Should_accept_an_integral_number_written_with_a_fraction_for_integer() =>
        Assert.Equal("4", Plain(JsonNode.Parse("4.0"), "Integer"));

    [Theory]
    [InlineData("Integer", "2147483648")]
    [InlineData("Integer", "-2147483649")]
    [InlineData("Short", "32768")]
    [InlineData("Long", "9223372036854775808")]
    public void Should_reject_numbers_outside_the_range_of_the_type(string type, string number) =>
        Assert.Throws<VariableTypeException>(() => Plain(JsonNode.Parse(number), type));

    [Theory]
    [InlineData("Boolean", "\"yes\"")]
    [InlineData("Boolean", "1")]
    [InlineData("Double", "\"abc\"")]
    [InlineData("Double", "true")]
    [InlineData("Long", "{}")]
    [InlineData("String", "[1]")]
    [InlineData("Date", "\"not a date\"")]
    [InlineData("Date", "12")]
    public void Should_reject_values_of_the_wrong_type(string type, string json) =>
        Assert.Throws<VariableTypeException>(() => Plain(JsonNode.Parse(json), type));

    [Fact]
    public void Should_parse_json_given_as_a_string_in_camunda_spin_style() =>
        Assert.Equal("{\"a\":1,\"b\":[true]}", Plain("{\"a\":1,\"b\":[true]}", "Json"));

    [Fact]
    public void Should_take_json_given_as_a_raw_object_or_array()
    {
        Assert.Equal("{\"a\":1}", Plain(JsonNode.Parse("{\"a\":1}"), "json"));
        Assert.Equal("[1,2]", Plain(JsonNode.Parse("[1,2]"), "Json"));
    }

    [Fact]
    public void Should_reject_a_json_string_that_is_not_valid_json()
    {
        var error = Assert.Throws<VariableTypeException>(() => TypedVariables.ToJson("order", Typed("{oops", "Json")));

        Assert.Contains("'order'", error.Message);
        Assert.Contains("Json", error.Message);
    }

    [Fact]
    public void Should_read_object_variables_serialized_as_json()
    {
        var valueInfo = new JsonObject
        {
            ["objectTypeName"] = "com.example.Order",
            ["serializationDataFormat"] = "application/json",
        };

        Assert.Equal("{\"id\":7}", Plain("{\"id\":7}", "Object", valueInfo));
    }

    [Fact]
    public void Should_refuse_object_variables_in_java_serialization()
    {
        var valueInfo = new JsonObject { ["serializationDataFormat"] = "application/x-java-serialized-object" };

        var error = Assert.Throws<VariableTypeException>(() =>
            TypedVariables.ToJson("order", Typed("rO0ABX", "Object", valueInfo)));

        Assert.Contains("'order'", error.Message);
        Assert.Contains("Object", error.Message);
    }

    [Theory]
    [InlineData("Bytes")]
    [InlineData("File")]
    [InlineData("Xml")]
    public void Should_refuse_unsupported_types_naming_variable_and_type(string type)
    {
        var error = Assert.Throws<VariableTypeException>(() => TypedVariables.ToJson("doc", Typed("AAEC", type)));

        Assert.Contains("'doc'", error.Message);
        Assert.Contains(type, error.Message);
    }

    [Theory]
    [InlineData("2013-01-23T13:42:42.000+0200", "2013-01-23T13:42:42.000+02:00")]
    [InlineData("2013-01-23T13:42:42Z", "2013-01-23T13:42:42.000+00:00")]
    public void Should_keep_dates_as_iso_8601_strings(string camundaDate, string expected) =>
        Assert.Equal(expected, TypedVariables.ToJson("due", Typed(camundaDate, "Date"))!.GetValue<string>());

    [Theory]
    [InlineData("\"text\"")]
    [InlineData("12")]
    [InlineData("false")]
    [InlineData("{\"nested\":{\"a\":[1]}}")]
    public void Should_take_the_value_as_is_when_the_type_is_missing(string json) =>
        Assert.Equal(json, Plain(JsonNode.Parse(json), null));

    [Fact]
    public void Should_type_plain_values_as_camunda_does()
    {
        Assert.Equal("String", TypedVariables.FromJson(JsonValue.Create("x")).Type);
        Assert.Equal("Boolean", TypedVariables.FromJson(JsonNode.Parse("true")).Type);
        Assert.Equal("Integer", TypedVariables.FromJson(JsonNode.Parse("2147483647")).Type);
        Assert.Equal("Long", TypedVariables.FromJson(JsonNode.Parse("2147483648")).Type);
        Assert.Equal("Double", TypedVariables.FromJson(JsonNode.Parse("1.25")).Type);
        Assert.Equal("Double", TypedVariables.FromJson(JsonNode.Parse("9223372036854775808")).Type);
    }

    [Theory]
    [InlineData("Long", "5")]
    [InlineData("Short", "3")]
    [InlineData("Double", "2")]
    [InlineData("Integer", "4")]
    public void Should_type_a_number_as_it_was_declared_when_its_json_would_say_otherwise(string type, string value)
    {
        var held = TypedVariables.ToJson("n", new VariableValueDto(JsonNode.Parse(value), type, null));

        var typed = TypedVariables.FromJson(held);

        Assert.Equal(type, typed.Type);
        Assert.Equal(value, typed.Value!.ToJsonString());
    }

    [Fact]
    public void Should_type_null_as_null_with_no_value()
    {
        var dto = TypedVariables.FromJson((JsonNode?)null);

        Assert.Equal("Null", dto.Type);
        Assert.Null(dto.Value);
    }

    [Fact]
    public void Should_type_objects_and_arrays_as_json_strings_with_empty_value_info()
    {
        var dto = TypedVariables.FromJson((JsonNode?)JsonNode.Parse("{\"a\":[1,2]}"));

        Assert.Equal("Json", dto.Type);
        Assert.Equal("{\"a\":[1,2]}", dto.Value!.GetValue<string>());
        Assert.NotNull(dto.ValueInfo);
        Assert.Empty(dto.ValueInfo!);
    }

    [Theory]
    [InlineData("\"text\"")]
    [InlineData("true")]
    [InlineData("42")]
    [InlineData("9000000000")]
    [InlineData("3.75")]
    [InlineData("null")]
    [InlineData("{\"a\":{\"b\":[1,\"x\",null]}}")]
    [InlineData("[{\"a\":1}]")]
    public void Should_round_trip_plain_values_through_the_typed_form(string json)
    {
        var typed = TypedVariables.FromJson(JsonNode.Parse(json));

        Assert.Equal(json, TypedVariables.ToJson("v", typed)?.ToJsonString() ?? "null");
    }

    [Fact]
    public void Should_round_trip_a_whole_variable_map()
    {
        var plain = JsonNode.Parse("""{"amount":42,"name":"Ann","order":{"lines":[1,2]},"none":null}""")!.AsObject();

        var typed = TypedVariables.FromJson(plain);
        var back = TypedVariables.ToJson(typed);

        Assert.Equal("Integer", typed["amount"].Type);
        Assert.Equal("Json", typed["order"].Type);
        Assert.True(JsonNode.DeepEquals(plain, back));
    }

    [Fact]
    public void Should_give_an_empty_object_for_a_missing_variable_map() =>
        Assert.Empty(TypedVariables.ToJson((IReadOnlyDictionary<string, VariableValueDto>?)null));

    [Fact]
    public void Should_not_share_nodes_with_the_typed_value()
    {
        var source = JsonNode.Parse("""{"order":{"value":{"a":1},"type":"Json"}}""")!;
        var dto = new VariableValueDto(source["order"]!["value"], "Json", null);

        var target = new JsonObject { ["order"] = TypedVariables.ToJson("order", dto) };

        Assert.Equal("""{"order":{"a":1}}""", target.ToJsonString());
    }
}
