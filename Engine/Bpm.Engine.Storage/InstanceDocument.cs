using System.Buffers;
using System.Collections;
using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Bpm.Engine.Runtime;
using Bpm.Engine.Storage.Entities;

namespace Bpm.Engine.Storage;

/// <summary>How a process instance's state is written to and read from its row.</summary>
/// <remarks>
/// A document is written every time its instance changes, and once more for every version of the row: it leaves out
/// what reading gives back anyway. What the row's columns hold (id, definition, business key, caller, state, start and
/// end) is read from them. Flags that are false, collections that are empty where the instance starts with an empty one
/// (never one that may be absent, which reads as null), and properties worked out from others (whether the instance
/// has ended) are not written. A document that still holds any of these reads as before: what it says comes after the
/// columns' values and so wins.
/// </remarks>
internal static class InstanceDocument
{
    /// <summary>The properties of an instance that its row's columns hold.</summary>
    private static readonly HashSet<string> Columns =
    [
        nameof(ProcessInstance.Id), nameof(ProcessInstance.DefinitionId), nameof(ProcessInstance.DefinitionKey), nameof(ProcessInstance.BusinessKey),
        nameof(ProcessInstance.SuperInstanceId), nameof(ProcessInstance.State), nameof(ProcessInstance.StartTime), nameof(ProcessInstance.EndTime),
    ];

    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Write(ProcessInstance instance) => JsonSerializer.Serialize(instance, Options);

    /// <summary>
    /// The instance of a row: its columns' values, followed by the document's own properties in the same object, read
    /// in one pass; or, once, what a fetch read of the same row (<see cref="ProcessInstanceRow.Parsed"/>).
    /// </summary>
    public static ProcessInstance Read(ProcessInstanceRow row)
    {
        if (row.Parsed is { } parsed)
        {
            row.Parsed = null;
            return parsed;
        }
        var json = new ArrayBufferWriter<byte>(row.Document.Length + 256);
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("id", row.Id);
            writer.WriteString("definitionId", row.DefinitionId);
            writer.WriteString("definitionKey", row.DefinitionKey);
            if (row.BusinessKey is not null) writer.WriteString("businessKey", row.BusinessKey);
            if (row.SuperProcessInstanceId is not null) writer.WriteString("superInstanceId", row.SuperProcessInstanceId);
            writer.WriteString("state", State(row.State).ToString());
            writer.WriteString("startTime", DateTime.SpecifyKind(row.StartTime, DateTimeKind.Utc));
            if (row.EndTime is { } end) writer.WriteString("endTime", DateTime.SpecifyKind(end, DateTimeKind.Utc));
        }
        // The object stays open: the document's properties and closing brace follow the columns'.
        var properties = row.Document.AsSpan(row.Document.IndexOf('{') + 1);
        if (!properties.TrimStart().StartsWith("}")) Append(json, ",");
        Append(json, properties);
        return JsonSerializer.Deserialize<ProcessInstance>(json.WrittenSpan, Options) ?? throw new InvalidDataException("Empty process instance document");
    }

    public static string StateName(InstanceState state) => state switch
    {
        InstanceState.Active => "ACTIVE",
        InstanceState.Suspended => "SUSPENDED",
        InstanceState.Completed => "COMPLETED",
        InstanceState.ExternallyTerminated => "EXTERNALLY_TERMINATED",
        InstanceState.InternallyTerminated => "INTERNALLY_TERMINATED",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>The states by the names <see cref="StateName"/> gives them.</summary>
    private static readonly FrozenDictionary<string, InstanceState> States = Enum.GetValues<InstanceState>().ToFrozenDictionary(StateName);

    private static InstanceState State(string name) =>
        States.TryGetValue(name, out var state) ? state : throw new InvalidDataException($"Unknown process instance state '{name}'");

    private static void Append(ArrayBufferWriter<byte> buffer, ReadOnlySpan<char> text) =>
        buffer.Advance(Encoding.UTF8.GetBytes(text, buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length))));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutWhatReadingGivesBack } },
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new DeclaredNumberConverter());
        options.MakeReadOnly();
        return options;
    }

    private static void LeaveOutWhatReadingGivesBack(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.Namespace?.StartsWith("Bpm.Engine", StringComparison.Ordinal) != true) return;
        var nullability = new NullabilityInfoContext();
        foreach (var worked in type.Properties.Where(p => p.Set is null && p.AssociatedParameter is null).ToList()) type.Properties.Remove(worked);
        foreach (var property in type.Properties)
        {
            if (type.Type == typeof(ProcessInstance) && property.AttributeProvider is PropertyInfo { Name: var name } && Columns.Contains(name))
                property.ShouldSerialize = static (_, _) => false;
            else if (property.PropertyType == typeof(bool))
                property.ShouldSerialize = static (_, value) => value is true;
            else if (IsCollection(property.PropertyType) && property.AssociatedParameter is null
                && property.AttributeProvider is PropertyInfo member && nullability.Create(member).WriteState == NullabilityState.NotNull)
                property.ShouldSerialize = static (_, value) => value is not ICollection { Count: 0 } and not JsonObject { Count: 0 };
        }
    }

    private static bool IsCollection(Type type) => typeof(ICollection).IsAssignableFrom(type) || type == typeof(JsonObject);
}
