using System.Net;
using System.Text;

namespace Bpm.Designer.Tests.Infrastructure;

/// <summary>
/// Answers the designer's REST calls with the JSON the engine would send, and records every request; for
/// component tests only (the real engine is driven by the browser journeys).
/// </summary>
public sealed class FakeEngine : HttpMessageHandler
{
    private readonly List<(string Method, string PathAndQuery, string Json, HttpStatusCode Status)> _answers = [];
    private readonly Dictionary<(string Method, string PathAndQuery), TaskCompletionSource> _held = [];

    public List<(string Method, string PathAndQuery, string? Body)> Requests { get; } = [];

    /// <summary>
    /// Answers a request whose method and path (with query, relative to /engine-rest/, or from the root such as
    /// /api/activity-templates) match exactly; the latest answer wins.
    /// </summary>
    public FakeEngine On(string method, string pathAndQuery, string json)
    {
        _answers.Insert(0, (method, pathAndQuery, json, HttpStatusCode.OK));
        return this;
    }

    /// <summary>Answers with Camunda's error shape and status 400 (or the given one).</summary>
    public FakeEngine OnError(string method, string pathAndQuery, string json, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        _answers.Insert(0, (method, pathAndQuery, json, status));
        return this;
    }

    /// <summary>Keeps every answer to this request back until the returned source is set: a slow engine, for races between a page's calls.</summary>
    public TaskCompletionSource Hold(string method, string pathAndQuery)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_held) _held[(method, pathAndQuery)] = gate;
        return gate;
    }

    public HttpClient Client() => new(this) { BaseAddress = new Uri("http://engine.test/engine-rest/") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery is var full && full.StartsWith("/engine-rest/", StringComparison.Ordinal) ? full["/engine-rest/".Length..] : full;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests) Requests.Add((request.Method.Method, path, body));
        TaskCompletionSource? gate;
        lock (_held) _held.TryGetValue((request.Method.Method, path), out gate);
        if (gate is not null) await gate.Task.WaitAsync(cancellationToken);
        var answer = _answers.FirstOrDefault(a => a.Method == request.Method.Method && a.PathAndQuery == path);
        if (answer.Json is null)
        {
            return request.Method == HttpMethod.Get
                ? Json(HttpStatusCode.NotFound, $$"""{"type":"NotFoundException","message":"No answer for GET {{path}}"}""")
                : new HttpResponseMessage(HttpStatusCode.NoContent);
        }
        return Json(answer.Status, answer.Json);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
