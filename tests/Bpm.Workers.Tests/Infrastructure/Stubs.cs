using System.Collections.Specialized;
using System.Web;
using WireMock.Logging;
using WireMock.Server;

namespace Bpm.Workers.Tests.Infrastructure;

/// <summary>Reading what a WireMock stub received.</summary>
public static class Stubs
{
    public static ILogEntry Single(WireMockServer server, string method, string path) =>
        Assert.Single(server.LogEntries, e => e.RequestMessage.Method == method && e.RequestMessage.Path == path);

    public static string Header(ILogEntry entry, string name) =>
        entry.RequestMessage.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault()
        ?? throw new Xunit.Sdk.XunitException($"header {name} was not sent");

    public static NameValueCollection Form(ILogEntry entry) => HttpUtility.ParseQueryString(entry.RequestMessage.Body ?? "");

    public static System.Text.Json.Nodes.JsonNode Json(ILogEntry entry) =>
        System.Text.Json.Nodes.JsonNode.Parse(entry.RequestMessage.Body ?? "null") ?? throw new Xunit.Sdk.XunitException("empty body");
}
