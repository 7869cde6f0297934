using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Host.Apis;

/// <summary>The filters of <c>GET /process-definition</c> and <c>/process-definition/count</c>, named as in Camunda's REST API.</summary>
public sealed record ProcessDefinitionQuery(
    string? Key,
    string? KeyLike,
    string? Name,
    string? NameLike,
    bool? LatestVersion,
    string? DeploymentId,
    int? Version,
    string? StartableBy)
{
    /// <summary>The filters the database applies; the latest version and who may start are applied to the rows.</summary>
    public IQueryable<ProcessDefinitionRow> Apply(IQueryable<ProcessDefinitionRow> definitions)
    {
        if (Key is not null) definitions = definitions.Where(d => d.Key == Key);
        if (KeyLike is not null) definitions = definitions.Where(d => EF.Functions.Like(d.Key, KeyLike));
        if (Name is not null) definitions = definitions.Where(d => d.Name == Name);
        if (NameLike is not null) definitions = definitions.Where(d => d.Name != null && EF.Functions.Like(d.Name, NameLike));
        if (DeploymentId is not null) definitions = definitions.Where(d => d.DeploymentId == DeploymentId);
        if (Version is not null) definitions = definitions.Where(d => d.Version == Version);
        return definitions;
    }
}
