using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Bpm.Engine.Host.Infrastructure;

namespace Bpm.Deployment.Tests.Infrastructure;

/// <summary>
/// The environment variables the engine host reads, derived from its options types: every settable property
/// of <see cref="BpmHostOptions"/> (section <c>Bpm</c>), lists as numbered entries, plus the few settings read
/// outside it. A variable not in this set would be ignored by the host, which is how a typo hides.
/// </summary>
public static class EngineSettings
{
    private static readonly string[] ReadOutsideOptions =
    [
        "ConnectionStrings__Bpm", // EngineHostExtensions: GetConnectionString("Bpm")
        "ASPNETCORE_URLS",
        "ASPNETCORE_ENVIRONMENT",
        OperationsExtensions.StandardOtlpEndpoint,
    ];

    private static readonly Lazy<IReadOnlyList<Regex>> Patterns = new(() =>
        Walk(typeof(BpmHostOptions), "Bpm").Concat(ReadOutsideOptions.Select(Regex.Escape)).Select(p => new Regex($"^{p}$")).ToList());

    public static bool IsRead(string variable) => Patterns.Value.Any(p => p.IsMatch(variable));

    /// <summary>The patterns, for messages.</summary>
    public static IEnumerable<string> Describe() => Patterns.Value.Select(p => p.ToString().Trim('^', '$').Replace("\\d+", "{n}"));

    private static IEnumerable<string> Walk(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = $"{prefix}__{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(propertyType)) yield return Regex.Escape(name);
            else if (propertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(propertyType)) yield return Regex.Escape(name) + @"__\d+";
            else foreach (var nested in Walk(propertyType, name)) yield return nested;
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal) || type == typeof(Uri) || type == typeof(DateTimeOffset);
}
