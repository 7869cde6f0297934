using System.Text.Json;
using Bpm.Contracts;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// A JSON response as Camunda sends it: <c>Content-Type: application/json</c> exactly (some clients compare
/// the header literally), camelCase, Camunda's date format.
/// </summary>
public sealed class JsonResult(object? value, int statusCode = StatusCodes.Status200OK) : IResult
{
    public const string ContentType = "application/json";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(httpContext.Response.Body, value, value?.GetType() ?? typeof(object), CamundaJson.Options, httpContext.RequestAborted);
    }

    public static JsonResult Ok(object? value) => new(value);
}
