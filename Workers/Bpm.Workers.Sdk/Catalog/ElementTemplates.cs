using System.Text.Json.Nodes;

namespace Bpm.Workers.Sdk.Catalog;

/// <summary>
/// Renders an activity as a Camunda 8 element template: a service task bound to the handler's task type,
/// an input field per input (a <c>zeebe:input</c> mapping, left out while an optional field is empty) and an
/// output field per output (a <c>zeebe:output</c> mapping whose target the modeler may rename).
/// </summary>
public static class ElementTemplates
{
    public const string Schema = "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json";

    public static JsonObject From(ActivityDescriptor activity)
    {
        var properties = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "Hidden",
                ["value"] = activity.TaskType,
                ["binding"] = new JsonObject { ["type"] = "zeebe:taskDefinition", ["property"] = "type" },
            },
            new JsonObject
            {
                ["label"] = "Retries",
                ["type"] = "String",
                ["group"] = "retries",
                ["value"] = activity.Retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["binding"] = new JsonObject { ["type"] = "zeebe:taskDefinition", ["property"] = "retries" },
            },
        };
        foreach (var input in activity.Inputs ?? []) properties.Add(Input(input));
        foreach (var output in activity.Outputs ?? []) properties.Add(Output(output));
        var template = new JsonObject
        {
            ["$schema"] = Schema,
            ["name"] = activity.Name,
            ["id"] = TemplateId(activity),
            ["version"] = activity.Version,
            ["appliesTo"] = new JsonArray("bpmn:Task"),
            ["elementType"] = new JsonObject { ["value"] = "bpmn:ServiceTask" },
            ["groups"] = new JsonArray(
                new JsonObject { ["id"] = "inputs", ["label"] = "Inputs" },
                new JsonObject { ["id"] = "outputs", ["label"] = "Outputs" },
                new JsonObject { ["id"] = "retries", ["label"] = "Retries" }),
            ["properties"] = properties,
        };
        // The element-template schema wants a string or no field at all: a null makes the modeler refuse the template.
        if (activity.Description is { } description) template["description"] = description;
        if (activity.Category is { } category)
            template["category"] = new JsonObject { ["id"] = Slug(category), ["name"] = category };
        return template;
    }

    public static string TemplateId(ActivityDescriptor activity) => "bpm." + activity.TaskType;

    private static JsonObject Input(ActivityField field)
    {
        var property = new JsonObject
        {
            ["label"] = field.Label,
            ["group"] = "inputs",
            ["type"] = field.Type switch
            {
                ActivityFieldType.Text => "Text",
                ActivityFieldType.Boolean => "Boolean",
                ActivityFieldType.Choice => "Dropdown",
                _ => "String",
            },
            ["binding"] = new JsonObject { ["type"] = "zeebe:input", ["name"] = field.Name },
        };
        if (field.Description is { } description) property["description"] = description;
        var free = field.Type is ActivityFieldType.String or ActivityFieldType.Text or ActivityFieldType.Number;
        // A switch may be an expression too (=approved), or it would always send a constant.
        if (free || field.Type == ActivityFieldType.Boolean) property["feel"] = "optional";
        if (field.DefaultValue is { } value) property["value"] = field.Type == ActivityFieldType.Boolean ? value == "true" : value;
        if (field.Required) property["constraints"] = new JsonObject { ["notEmpty"] = true };
        // Left empty, an optional field maps nothing: the handler reads the process variable of that name.
        else if (free) property["optional"] = true;
        if (field.Choices is { } choices)
            property["choices"] = new JsonArray(choices.Select(c => (JsonNode)new JsonObject { ["name"] = c, ["value"] = c }).ToArray());
        return property;
    }

    private static JsonObject Output(ActivityField field) => new()
    {
        ["label"] = field.Label,
        ["description"] = field.Description ?? $"Process variable that receives '{field.Name}'",
        ["group"] = "outputs",
        ["type"] = "String",
        ["value"] = field.Name,
        ["binding"] = new JsonObject { ["type"] = "zeebe:output", ["source"] = "=" + field.Name },
    };

    private static string Slug(string text) => string.Concat(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-'));
}
