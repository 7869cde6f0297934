using Bpm.Contracts.Rest;
using Bpm.Engine.Host.Infrastructure;

namespace Bpm.Engine.Host.Apis;

public static class EngineApi
{
    /// <summary>The Camunda 7 REST API version this engine answers as.</summary>
    public const string CamundaApiVersion = "7.24.0";

    public static RouteGroupBuilder MapEngineApi(this RouteGroupBuilder api)
    {
        api.MapGet("/version", () => JsonResult.Ok(new VersionDto(CamundaApiVersion))).WithTags("Version");
        api.MapGet("/engine", () => JsonResult.Ok(new[] { new { name = "default" } })).WithTags("Engine");
        return api;
    }
}
