using System.Text.Json.Nodes;
using Bpm.Workers.Sdk;
using Bpm.Workers.Sdk.Catalog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bpm.Workers.Tests.Catalog;

/// <summary>Activities as the modeler's palette receives them: Camunda 8 element templates its validator accepts.</summary>
public sealed class ElementTemplatesTests
{
    private static List<ActivityDescriptor> SeedActivities()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bpm:Worker:PublishCatalog"] = "false" }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddBpmWorkers(configuration).AddSeedWorkers(configuration);
        return services.Where(d => d.ServiceType == typeof(HandlerRegistration))
            .Select(d => ((HandlerRegistration)d.ImplementationInstance!).Activity).ToList();
    }

    private static IEnumerable<string> NullFields(JsonNode? node, string path) => node switch
    {
        null => [path],
        JsonObject o => o.SelectMany(p => NullFields(p.Value, $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany((item, i) => NullFields(item, $"{path}[{i}]")),
        _ => [],
    };

    private static JsonObject Property(JsonObject template, string inputName) =>
        template["properties"]!.AsArray().OfType<JsonObject>().Single(p => (string?)p["binding"]!["name"] == inputName);

    [Fact]
    public void Should_leave_out_what_an_activity_does_not_describe_rather_than_send_null_which_the_modeler_refuses()
    {
        var activities = SeedActivities();
        Assert.Contains(activities, a => a.Inputs?.Any(i => i.Description is null) == true);

        var nulls = activities.SelectMany(a => NullFields(ElementTemplates.From(a), a.TaskType)).ToList();

        Assert.Empty(nulls);
    }

    [Fact]
    public void Should_bind_each_seed_template_to_its_handlers_task_type()
    {
        foreach (var activity in SeedActivities())
        {
            var template = ElementTemplates.From(activity);
            var type = Assert.Single(template["properties"]!.AsArray(), p => (string?)p!["binding"]!["type"] == "zeebe:taskDefinition" && (string?)p["binding"]!["property"] == "type");
            Assert.Equal(activity.TaskType, (string?)type!["value"]);
            Assert.Equal("bpm." + activity.TaskType, (string?)template["id"]);
        }
    }

    [Fact]
    public void Should_map_an_empty_optional_field_to_nothing_and_let_a_switch_take_an_expression()
    {
        var template = ElementTemplates.From(new ActivityDescriptor("record", "Record", Inputs:
        [
            new("approved", "Approved", ActivityFieldType.Boolean, Required: true),
            new("approver", "Approver"),
            new("reason", "Reason", ActivityFieldType.Text, Required: true),
        ]));

        var approved = Property(template, "approved");
        Assert.Equal("optional", (string?)approved["feel"]);
        Assert.True((bool)approved["constraints"]!["notEmpty"]!);
        Assert.Null(approved["optional"]);
        var approver = Property(template, "approver");
        Assert.True((bool)approver["optional"]!);
        Assert.Null(approver["constraints"]);
        var reason = Property(template, "reason");
        Assert.Null(reason["optional"]);
        Assert.True((bool)reason["constraints"]!["notEmpty"]!);
    }
}
