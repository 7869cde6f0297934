using System.Text.Json;
using System.Text.Json.Serialization;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Storage;

/// <summary>How a process instance's state is written to and read from its row.</summary>
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
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new DeclaredNumberConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
