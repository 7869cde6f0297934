using System.Net;
using Bpm.Contracts.Rest;

namespace Bpm.Designer.Engine;

/// <summary>The engine answered with an error; <c>Parse</c> carries the per-resource details of a rejected deployment.</summary>
public sealed class EngineApiException(HttpStatusCode status, string type, string message, ParseExceptionDto? parse = null)
    : Exception($"{message} ({(int)status} {type})")
{
    public HttpStatusCode Status { get; } = status;
    public string Type { get; } = type;
    public string EngineMessage { get; } = message;
    public ParseExceptionDto? Parse { get; } = parse;
}
