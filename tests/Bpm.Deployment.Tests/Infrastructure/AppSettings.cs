using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Bpm.Engine.Host.Infrastructure;
using Bpm.Engine.Host.Transports;
using Bpm.Workers;
using Bpm.Workers.Sdk;

namespace Bpm.Deployment.Tests.Infrastructure;

/// <summary>
/// The environment variables an app reads, derived from its options types: every settable property of the
/// options class bound to its section (lists as numbered entries), plus the few settings read outside it. A
/// variable not in this set would be ignored by the app, which is how a typo hides.
/// </summary>
public sealed class AppSettings
{
    /// <summary>The engine host: <see cref="BpmHostOptions"/> is the section <c>Bpm</c>, <see cref="TransportOptions"/> <c>Bpm:Transports</c>.</summary>
    public static AppSettings Engine { get; } = new(
        [(typeof(BpmHostOptions), "Bpm"), (typeof(TransportOptions), "Bpm__Transports")],
        [
            "ConnectionStrings__Bpm", // EngineHostExtensions: GetConnectionString("Bpm")
            "ASPNETCORE_URLS",
            "ASPNETCORE_ENVIRONMENT",
            OperationsExtensions.StandardOtlpEndpoint,
        ]);

    /// <summary>
    /// The worker host: the worker SDK binds <see cref="WorkerOptions"/> to <c>Bpm:Worker</c>, and every seed
    /// integration its options class to the section the class names in its <c>Section</c> constant.
    /// </summary>
    public static AppSettings Worker { get; } = new(
        typeof(SeedWorkersExtensions).Assembly.GetTypes()
            .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(t => t.Section is not null)
            .Select(t => (t.Type, t.Section!.Replace(":", "__")))
            .Prepend((typeof(WorkerOptions), "Bpm__Worker")),
        ["DOTNET_ENVIRONMENT"]);

    private readonly IReadOnlyList<Regex> _patterns;

    private AppSettings(IEnumerable<(Type Options, string Prefix)> sections, IEnumerable<string> readOutsideOptions) =>
        _patterns = sections.SelectMany(s => Walk(s.Options, s.Prefix)).Concat(readOutsideOptions.Select(Regex.Escape)).Select(p => new Regex($"^{p}$")).ToList();

    public bool IsRead(string variable) => _patterns.Any(p => p.IsMatch(variable));

    /// <summary>The settings, for messages.</summary>
    public string Describe() => string.Join(", ", _patterns.Select(p => p.ToString().Trim('^', '$').Replace(@"\d+", "{n}")));

    private static IEnumerable<string> Walk(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = $"{prefix}__{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(propertyType)) yield return Regex.Escape(name);
            else if (typeof(IEnumerable).IsAssignableFrom(propertyType)) yield return Regex.Escape(name) + @"__\d+";
            else foreach (var nested in Walk(propertyType, name)) yield return nested;
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal) || type == typeof(Uri) || type == typeof(DateTimeOffset);
}
