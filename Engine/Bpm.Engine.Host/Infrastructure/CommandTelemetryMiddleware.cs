using System.Collections.Concurrent;
using System.Diagnostics;
using Bpm.Engine.Storage.Telemetry;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// Wraps every REST command (a call that changes state) in a span of the <c>Bpm.Engine</c> source, named after
/// the command (<c>bpm.process-definition.start</c>, <c>bpm.external-task.fetchAndLock</c>, <c>bpm.task.complete</c>),
/// and in a log scope carrying the ids the route names (<c>ProcessInstanceId</c>, <c>ExternalTaskId</c>, ...).
/// </summary>
public sealed class CommandTelemetryMiddleware(RequestDelegate next, ILogger<CommandTelemetryMiddleware> logger)
{
    private const string Root = "/engine-rest";

    /// <summary>What a route's pattern says, worked out once per route rather than on every call.</summary>
    private readonly ConcurrentDictionary<(RoutePattern Pattern, string Method), CommandRoute> _routes = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            || context.GetEndpoint() is not RouteEndpoint { RoutePattern.RawText: { } pattern } endpoint
            || !pattern.StartsWith(Root, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        var route = _routes.GetOrAdd((endpoint.RoutePattern, method), key => new CommandRoute(CommandName(key.Pattern, key.Method), IdNames(key.Pattern)));
        var command = route.Command;
        var ids = route.Ids(context.Request.RouteValues);
        using var activity = EngineTracing.Source.StartActivity(command);
        foreach (var id in ids) activity?.SetTag(id.Tag, id.Value);
        using var scope = logger.BeginScope(ids.Select(id => new KeyValuePair<string, object?>(id.Scope, id.Value)).Prepend(new("Command", command)).ToList());
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
            activity?.SetTag("http.response.status_code", context.Response.StatusCode);
            if (context.Response.StatusCode >= 500) activity?.SetStatus(ActivityStatusCode.Error);
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Debug))
                logger.LogDebug("{Command} answered {StatusCode} in {ElapsedMs:0.0} ms", command, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary><c>bpm.</c> + the resource + the last literal segment, or the method when the route ends in a parameter.</summary>
    public static string CommandName(RoutePattern pattern, string method)
    {
        var literals = Literals(pattern);
        var endsInLiteral = pattern.PathSegments[^1].Parts is [RoutePatternLiteralPart];
        var action = endsInLiteral && literals.Count > 1 ? literals[^1] : method.ToLowerInvariant();
        return $"bpm.{Resource(literals)}.{action}";
    }

    /// <summary>The literal segments after <c>/engine-rest</c>; the first names the resource.</summary>
    private static List<string> Literals(RoutePattern pattern) =>
        pattern.PathSegments.Skip(1).Select(s => s.Parts is [RoutePatternLiteralPart literal] ? literal.Content : null).OfType<string>().ToList();

    private static string Resource(List<string> literals) => literals.Count > 0 ? literals[0] : "engine";

    /// <summary>The route's parameters with their span tag (<c>bpm.process_instance.id</c>) and log scope name (<c>ProcessInstanceId</c>).</summary>
    private static List<(string Parameter, string Tag, string Scope)> IdNames(RoutePattern pattern)
    {
        var resource = Resource(Literals(pattern));
        return pattern.Parameters
            .Select(p => (p.Name, $"bpm.{resource.Replace('-', '_')}.{p.Name}", Pascal(resource) + Pascal(p.Name)))
            .ToList();
    }

    private sealed record CommandRoute(string Command, List<(string Parameter, string Tag, string Scope)> IdNames)
    {
        public List<(string Tag, string Scope, string Value)> Ids(RouteValueDictionary values)
        {
            var ids = new List<(string, string, string)>(IdNames.Count);
            foreach (var (parameter, tag, scope) in IdNames)
            {
                if (values.TryGetValue(parameter, out var value) && value?.ToString() is { Length: > 0 } text) ids.Add((tag, scope, text));
            }
            return ids;
        }
    }

    private static string Pascal(string text) =>
        string.Concat(text.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
