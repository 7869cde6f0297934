using Bpm.Contracts.Rest;
using Bpm.Contracts.Variables;
using Bpm.Engine.Errors;
using Bpm.Engine.Storage;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>Maps errors to Camunda's error shape: <c>{"type": ..., "message": ...}</c> with a fitting status.</summary>
public sealed class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            var result = e switch
            {
                DeploymentRejectedException rejected => new JsonResult(ParseReport.From(rejected), StatusCodes.Status400BadRequest),
                EngineException engine => new JsonResult(new ExceptionDto(TypeOf(engine.Kind), engine.Message), StatusOf(engine.Kind)),
                VariableTypeException variable => new JsonResult(new ExceptionDto("InvalidRequestException", variable.Message), StatusCodes.Status400BadRequest),
                BadHttpRequestException bad => new JsonResult(new ExceptionDto("InvalidRequestException", bad.Message), bad.StatusCode),
                _ => null,
            };
            if (result is null)
            {
                logger.LogError(e, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
                result = new JsonResult(new ExceptionDto("ProcessEngineException", "An internal error occurred; see the engine log"), StatusCodes.Status500InternalServerError);
            }
            await result.ExecuteAsync(context);
        }
    }

    private static int StatusOf(EngineErrorKind kind) => kind switch
    {
        EngineErrorKind.NotFound => StatusCodes.Status404NotFound,
        EngineErrorKind.Conflict or EngineErrorKind.Suspended => StatusCodes.Status409Conflict,
        EngineErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string TypeOf(EngineErrorKind kind) => kind switch
    {
        EngineErrorKind.NotFound => "NotFoundException",
        EngineErrorKind.Conflict => "ConflictException",
        EngineErrorKind.Suspended => "SuspendedEntityInteractionException",
        EngineErrorKind.Forbidden => "AuthorizationException",
        _ => "InvalidRequestException",
    };
}
