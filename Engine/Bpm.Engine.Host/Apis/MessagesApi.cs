using Bpm.Contracts.Rest;
using Bpm.Contracts.Variables;
using Bpm.Engine.Errors;
using Bpm.Engine.Host.Infrastructure;
using Bpm.Engine.Storage;

namespace Bpm.Engine.Host.Apis;

public static class MessagesApi
{
    public static RouteGroupBuilder MapMessagesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/message", CorrelateAsync).WithTags("Message");
        api.MapPost("/signal", async (HttpRequest request, MessageService messages, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<SignalDto>(request);
            if (string.IsNullOrWhiteSpace(body.Name)) throw EngineException.Invalid("name is required");
            if (body.ExecutionId is not null) throw EngineException.Invalid("executionId is not supported; signals are broadcast");
            await messages.BroadcastSignalAsync(body.Name, TypedVariables.ToJson(body.Variables), ct);
            return Results.NoContent();
        }).WithTags("Signal");
        return api;
    }

    private static async Task<IResult> CorrelateAsync(HttpRequest request, MessageService messages, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync<CorrelationMessageDto>(request);
        if (string.IsNullOrWhiteSpace(body.MessageName)) throw EngineException.Invalid("messageName is required");
        if (body.LocalCorrelationKeys is { Count: > 0 } || body.ProcessVariablesLocal is { Count: > 0 })
            throw EngineException.Invalid("localCorrelationKeys and processVariablesLocal are not supported; use correlationKeys and processVariables");
        var results = await messages.CorrelateAsync(new MessageRequest(
            body.MessageName,
            body.BusinessKey,
            body.CorrelationKey,
            body.CorrelationKeys is null ? null : TypedVariables.ToJson(body.CorrelationKeys),
            body.ProcessInstanceId,
            TypedVariables.ToJson(body.ProcessVariables),
            body.All,
            body.TimeToLive is { } ttl ? TimeSpan.FromMilliseconds(ttl) : null,
            body.MessageId), cancellationToken);
        if (!body.ResultEnabled) return Results.NoContent();
        return JsonResult.Ok(results.Select(r => r.ResultType == "Execution"
            ? new MessageCorrelationResultDto(r.ResultType, new ExecutionDto(r.ProcessInstanceId, r.ProcessInstanceId, false), null)
            : new MessageCorrelationResultDto(r.ResultType, null, new ProcessInstanceDto(r.ProcessInstanceId, r.DefinitionId, r.BusinessKey))).ToList());
    }
}
