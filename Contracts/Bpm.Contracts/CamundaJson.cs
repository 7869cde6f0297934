using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Bpm.Contracts;

/// <summary>
/// The JSON settings of Camunda 7's REST API: camelCase names, explicit nulls,
/// case-insensitive reading, variable names (dictionary keys) kept as given,
/// and Camunda's date format ("2013-01-23T13:42:42.000+0000").
/// </summary>
public static class CamundaJson
{
    /// <summary>A read-only options instance; safe to share.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            PropertyNameCaseInsensitive = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),

            // Like Jackson: no \u002B for the '+' of date offsets. Responses are JSON, never inlined in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new CamundaDateConverter());
        options.MakeReadOnly();
        return options;
    }
}
