using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Storage;

/// <summary>How a process instance's state is written to and read from its row.</summary>
/// <remarks>
/// A document is written every time its instance changes, and once more for every version of the row: it leaves out
/// what reading gives back anyway. Flags that are false, collections that are empty where the instance starts with an
/// empty one (never one that may be absent, which reads as null), and properties worked out from others (whether the
/// instance has ended) are not written.
/// </remarks>
internal static class InstanceDocument
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Write(ProcessInstance instance) => JsonSerializer.Serialize(instance, Options);

    public static ProcessInstance Read(string document) =>
        JsonSerializer.Deserialize<ProcessInstance>(document, Options) ?? throw new InvalidDataException("Empty process instance document");

    public static string StateName(InstanceState state) => state switch
    {
        InstanceState.Active => "ACTIVE",
        InstanceState.Suspended => "SUSPENDED",
        InstanceState.Completed => "COMPLETED",
        InstanceState.ExternallyTerminated => "EXTERNALLY_TERMINATED",
        InstanceState.InternallyTerminated => "INTERNALLY_TERMINATED",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

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
            if (property.PropertyType == typeof(bool))
                property.ShouldSerialize = static (_, value) => value is true;
            else if (IsCollection(property.PropertyType) && property.AssociatedParameter is null
                && property.AttributeProvider is PropertyInfo member && nullability.Create(member).WriteState == NullabilityState.NotNull)
                property.ShouldSerialize = static (_, value) => value is not ICollection { Count: 0 } and not JsonObject { Count: 0 };
        }
    }

    private static bool IsCollection(Type type) => typeof(ICollection).IsAssignableFrom(type) || type == typeof(JsonObject);
}
