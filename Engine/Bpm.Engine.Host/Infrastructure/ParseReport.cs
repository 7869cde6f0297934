using Bpm.Contracts.Rest;
using Bpm.Engine.Storage;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>A rejected deployment as Camunda reports it: a message and, per resource, errors with line, column and element id.</summary>
public static class ParseReport
{
    public static ParseExceptionDto From(DeploymentRejectedException rejected) =>
        new("ParseException", rejected.Message, rejected.Errors.ToDictionary(
            r => r.Key,
            r => new ResourceReportDto(
                r.Value.Select(e => new ProblemDto(e.Message, e.Line, e.Column, e.ElementId, e.ElementId is null ? [] : [e.ElementId])).ToList(),
                [])));
}
