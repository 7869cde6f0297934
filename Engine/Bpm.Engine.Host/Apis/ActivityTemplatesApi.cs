using System.Text.Json.Nodes;
using Bpm.Engine.Errors;
using Bpm.Engine.Host.Infrastructure;
using Bpm.Engine.Storage;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Host.Apis;

/// <summary>
/// The activity catalog: worker hosts publish the activities their handlers offer as Camunda element
/// templates; the designer's palette lists them.
/// </summary>
public static class ActivityTemplatesApi
{
    public const int MaxTemplatesPerSource = 500;

    public static RouteGroupBuilder MapActivityTemplatesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/activity-templates").WithTags("Activity catalog");
        group.MapGet("", async (BpmDbContext db, CancellationToken ct) =>
        {
            var rows = await db.ActivityTemplates.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(ct);
            return JsonResult.Ok(new JsonArray(rows.Select(r => JsonNode.Parse(r.Template)).ToArray()));
        });
        group.MapPut("/{source}", PublishAsync).RequireAnalysts("publish activity templates");
        return api;
    }

    /// <summary>Replaces everything <paramref name="source"/> published before; other sources' templates stay.</summary>
    private static async Task<IResult> PublishAsync(HttpRequest request, BpmDbContext db, TimeProvider time, string source, CancellationToken ct)
    {
        var templates = await RequestBody.ReadAsync<JsonArray>(request);
        if (templates.Count > MaxTemplatesPerSource)
            throw EngineException.Invalid($"A source may publish at most {MaxTemplatesPerSource} templates, got {templates.Count}");
        var now = time.GetUtcNow().UtcDateTime;
        var rows = templates.Select((t, i) => Row(t, i, source, now)).ToList();
        var duplicate = rows.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw EngineException.Invalid($"Template id '{duplicate.Key}' appears more than once");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var taken = await db.ActivityTemplates.AsNoTracking()
            .Where(t => ids.Contains(t.Id) && t.Source != source).Select(t => new { t.Id, t.Source }).FirstOrDefaultAsync(ct);
        if (taken is not null)
            throw EngineException.Conflict($"Template id '{taken.Id}' is already published by source '{taken.Source}'");
        await db.ActivityTemplates.Where(t => t.Source == source).ExecuteDeleteAsync(ct);
        db.ActivityTemplates.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Results.NoContent();
    }

    private static ActivityTemplateRow Row(JsonNode? node, int index, string source, DateTime now)
    {
        if (node is not JsonObject template) throw EngineException.Invalid($"Template [{index}] must be a JSON object");
        var id = Text(template, "id", index);
        var name = Text(template, "name", index);
        var version = template["version"] is JsonValue v && v.TryGetValue<int>(out var number) ? number : 1;
        var topic = (template["properties"] as JsonArray)?.OfType<JsonObject>()
            .Where(p => p["binding"] is JsonObject b && (string?)b["type"] == "zeebe:taskDefinition" && (string?)b["property"] == "type")
            .Select(p => p["value"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null)
            .FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))
            ?? throw EngineException.Invalid($"Template '{id}' has no zeebe:taskDefinition type property: a worker must serve it");
        return new ActivityTemplateRow
        {
            Id = id, Name = name, Topic = topic, Version = version, Source = source, UpdateTime = now,
            Template = template.ToJsonString(),
        };
    }

    private static string Text(JsonObject template, string field, int index) =>
        template[field] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw EngineException.Invalid($"Template [{index}] needs a non-empty string '{field}'");
}
