using System.Text.Json;
using System.Text.Json.Nodes;
using Bpm.Contracts.Rest;

namespace Bpm.Contracts.Tests;

public sealed class CamundaJsonTests
{
    [Fact]
    public void Should_write_dates_in_camunda_format()
    {
        var date = new DateTimeOffset(2013, 1, 23, 13, 42, 42, TimeSpan.Zero);

        Assert.Equal("\"2013-01-23T13:42:42.000+0000\"", JsonSerializer.Serialize(date, CamundaJson.Options));
    }

    [Fact]
    public void Should_write_negative_offsets_and_milliseconds()
    {
        var date = new DateTimeOffset(2024, 12, 31, 23, 5, 1, 7, TimeSpan.FromMinutes(-330));

        Assert.Equal("\"2024-12-31T23:05:01.007-0530\"", JsonSerializer.Serialize(date, CamundaJson.Options));
    }

    [Theory]
    [InlineData("2013-01-23T13:42:42.000+0200")]
    [InlineData("2013-01-23T13:42:42.000+02:00")]
    [InlineData("2013-01-23T11:42:42Z")]
    [InlineData("2013-01-23T11:42:42.000")]
    public void Should_read_camunda_and_iso_8601_dates(string text)
    {
        var date = JsonSerializer.Deserialize<DateTimeOffset>($"\"{text}\"", CamundaJson.Options);

        Assert.Equal(new DateTimeOffset(2013, 1, 23, 11, 42, 42, TimeSpan.Zero), date.ToUniversalTime());
    }

    [Fact]
    public void Should_apply_the_date_format_to_nullable_dates()
    {
        var task = new ExternalTaskDto("1", "invoice", LockExpirationTime: null,
            CreateTime: new DateTimeOffset(2020, 5, 6, 7, 8, 9, TimeSpan.Zero));

        var json = JsonNode.Parse(JsonSerializer.Serialize(task, CamundaJson.Options))!;

        Assert.Equal("2020-05-06T07:08:09.000+0000", json["createTime"]!.GetValue<string>());
        Assert.Null(json["lockExpirationTime"]);
        Assert.True(json.AsObject().ContainsKey("lockExpirationTime"));
    }

    [Fact]
    public void Should_reject_text_that_is_not_a_date() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>("\"yesterday\"", CamundaJson.Options));

    [Fact]
    public void Should_be_read_only() =>
        Assert.True(CamundaJson.Options.IsReadOnly);

    [Fact]
    public void Should_write_camel_case_names_and_keep_variable_names_as_given()
    {
        var task = new LockedExternalTaskDto("t1", "invoice", "worker-1",
            new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new Dictionary<string, VariableValueDto> { ["OrderId"] = new(JsonValue.Create(1), "Integer", new JsonObject()) });

        var json = JsonNode.Parse(JsonSerializer.Serialize(task, CamundaJson.Options))!.AsObject();

        Assert.Equal("worker-1", json["workerId"]!.GetValue<string>());
        Assert.Equal("Integer", json["variables"]!["OrderId"]!["type"]!.GetValue<string>());
        Assert.True(json.ContainsKey("businessKey"));
    }

    [Fact]
    public void Should_read_a_fetch_and_lock_request_as_the_js_client_sends_it()
    {
        const string body = """
            {"workerId":"w1","maxTasks":10,"usePriority":true,"asyncResponseTimeout":30000,
             "topics":[{"topicName":"invoice","lockDuration":60000,"variables":["amount"],"processVariables":{"region":"EU"}}]}
            """;

        var request = JsonSerializer.Deserialize<FetchExternalTasksDto>(body, CamundaJson.Options)!;

        Assert.Equal("w1", request.WorkerId);
        Assert.Equal(30000, request.AsyncResponseTimeout);
        var topic = Assert.Single(request.Topics);
        Assert.Equal(60000, topic.LockDuration);
        Assert.Equal(["amount"], topic.Variables!);
        Assert.Equal("EU", topic.ProcessVariables!["region"]!.GetValue<string>());
    }

    [Fact]
    public void Should_read_property_names_case_insensitively()
    {
        var dto = JsonSerializer.Deserialize<CompleteExternalTaskDto>(
            """{"WorkerId":"w1","Variables":{"a":{"value":"x","type":"String"}}}""", CamundaJson.Options)!;

        Assert.Equal("w1", dto.WorkerId);
        Assert.Equal("x", dto.Variables!["a"].Value!.GetValue<string>());
    }
}
