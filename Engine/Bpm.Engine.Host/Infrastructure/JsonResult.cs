using System.Text.Json;
using Bpm.Contracts;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// A JSON response as Camunda sends it: <c>Content-Type: application/json</c> exactly (some clients compare
/// the header literally), camelCase, Camunda's date format.
/// </summary>
/// <remarks>
/// The body is serialized whole before it is sent, and sent with its <c>Content-Length</c>: one write, with no chunked
/// framing for the server to add and the client to take apart. The API's lists are paged (at most 1,000 rows), so a body stays small.
/// </remarks>
public sealed class JsonResult(object? value, int statusCode = StatusCodes.Status200OK) : IResult
{
    public const string ContentType = "application/json";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, value?.GetType() ?? typeof(object), CamundaJson.Options);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    public static JsonResult Ok(object? value) => new(value);
}
