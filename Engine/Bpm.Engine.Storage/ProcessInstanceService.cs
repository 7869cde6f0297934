using System.Text.Json.Nodes;
using Bpm.Engine.Errors;
using Bpm.Engine.Model;
using Bpm.Engine.Runtime;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Storage;

/// <summary>Starts, reads and cancels process instances.</summary>
public sealed class ProcessInstanceService(
    IDbContextFactory<BpmDbContext> contexts,
    DefinitionCache definitions,
    InstanceCommandExecutor executor,
    InstanceCommandGroups groups,
    ProcessRuntime runtime)
{
    public const int MaxBusinessKeyLength = 255;

    /// <summary>
    /// Starts the latest version of the process with <paramref name="key"/>, as the transaction that stores the new
    /// instance finds it: read there, shared by the starts of the same key written together, or on PostgreSQL taken from
    /// memory and checked by the transaction's writes (<see cref="LatestDefinitions"/>).
    /// </summary>
    /// <param name="starter">The person starting it, or null for a machine (a client with a key alone), which may start any process.</param>
    public async Task<ProcessInstance> StartByKeyAsync(string key, string? businessKey, JsonObject? variables, ProcessStarter? starter, CancellationToken cancellationToken)
    {
        var started = await groups.StartAsync(
            async (db, latest, ct) =>
            {
                var definition = await latest.GetAsync(key, ct)
                    ?? throw EngineException.NotFound($"No process definition with key '{key}' is deployed");
                return await StartAsync(db, definition.Id, definition.Suspended, businessKey, variables, starter, ct);
            },
            cancellationToken);
        return started.Instance;
    }

    public async Task<ProcessInstance> StartByIdAsync(string definitionId, string? businessKey, JsonObject? variables, ProcessStarter? starter, CancellationToken cancellationToken)
    {
        var started = await groups.StartAsync(
            async (db, _, ct) =>
            {
                var definition = await db.ProcessDefinitions.AsNoTracking()
                    .Where(d => d.Id == definitionId)
                    .Select(d => new { d.Suspended })
                    .FirstOrDefaultAsync(ct)
                    ?? throw EngineException.NotFound($"No process definition with id '{definitionId}' is deployed");
                return await StartAsync(db, definitionId, definition.Suspended, businessKey, variables, starter, ct);
            },
            cancellationToken);
        return started.Instance;
    }

    /// <summary>Checks a start and lets the runtime run the new instance up to where it waits; storing it is the caller's.</summary>
    private async Task<CommandResult> StartAsync(
        BpmDbContext db, string definitionId, bool suspended, string? businessKey, JsonObject? variables, ProcessStarter? starter, CancellationToken cancellationToken)
    {
        if (businessKey is { Length: > MaxBusinessKeyLength })
            throw EngineException.Invalid($"businessKey is longer than {MaxBusinessKeyLength} characters");
        if (suspended) throw EngineException.Invalid($"Process definition '{definitionId}' is suspended");
        var definition = await definitions.GetAsync(db, definitionId, cancellationToken);
        if (starter is not null && !definition.MayBeStartedBy(starter.User, starter.Groups))
            throw new EngineException(EngineErrorKind.Forbidden,
                $"User '{starter.User}' may not start process '{definition.Key}': its candidate starters are {Starters(definition)}");
        return runtime.Start(definition, definitionId, businessKey, variables);
    }

    public async Task<(ProcessInstanceRow Row, ProcessInstance Instance)> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ProcessInstances.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw EngineException.NotFound($"Process instance with id '{id}' does not exist");
        return (row, InstanceDocument.Read(row));
    }

    public Task CancelAsync(string id, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(id, (definition, instance) => runtime.Cancel(definition, instance), cancellationToken);

    public Task SetSuspendedAsync(string id, bool suspended, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(id, (definition, instance) => runtime.SetSuspended(definition, instance, suspended), cancellationToken);

    public Task ModifyVariablesAsync(string id, JsonObject? modifications, IReadOnlyList<string>? deletions, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(id, (definition, instance) => runtime.ModifyVariables(definition, instance, modifications, deletions), cancellationToken);

    /// <summary>Runs a token stopped by an incident once more.</summary>
    public Task RetryAsync(string instanceId, string activityInstanceId, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(instanceId, (definition, instance) => runtime.Retry(definition, instance, activityInstanceId), cancellationToken);

    private static string Starters(ProcessDefinition definition) => string.Join(" and ", new[]
    {
        definition.CandidateStarterGroups.Count == 0 ? null : "the groups " + string.Join(", ", definition.CandidateStarterGroups),
        definition.CandidateStarterUsers.Count == 0 ? null : "the users " + string.Join(", ", definition.CandidateStarterUsers),
    }.OfType<string>());
}
