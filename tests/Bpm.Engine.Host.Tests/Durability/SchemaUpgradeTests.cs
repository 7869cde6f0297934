using Bpm.Engine.Host.Tests.Infrastructure;
using Bpm.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bpm.Engine.Host.Tests.Durability;

/// <summary>A database written by an earlier version is brought to the current schema, its rows kept and completed.</summary>
public sealed class SchemaUpgradeTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Should_give_the_candidates_of_waiting_tasks_their_task_creation_time_when_upgrading(string provider)
    {
        await using var database = provider == "Sqlite" ? TestDatabase.Sqlite() : await TestDatabase.PostgreSqlAsync();
        await using var services = new ServiceCollection()
            .AddBpmEngine(o => { if (provider == "Sqlite") o.UseSqlite(database.ConnectionString); else o.UsePostgreSql(database.ConnectionString); })
            .BuildServiceProvider();
        var initializer = services.GetRequiredService<DatabaseInitializer>();
        await initializer.InitializeAsync(CancellationToken.None);

        // The candidate table as version 4 left it, holding two candidates of a waiting task and one of a task gone.
        await using (var db = await services.GetRequiredService<IDbContextFactory<BpmDbContext>>().CreateDbContextAsync())
        {
            foreach (var sql in new[]
            {
                "DROP INDEX ix_bpm_user_task_candidate_list",
                "ALTER TABLE bpm_user_task_candidate DROP COLUMN create_time",
                "CREATE INDEX ix_bpm_user_task_candidate_name ON bpm_user_task_candidate (kind, name, task_id)",
                "DELETE FROM bpm_schema_version WHERE version = 5",
            })
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
            db.UserTasks.Add(new Bpm.Engine.Storage.Entities.UserTaskRow
            {
                Id = "task-1", ProcessInstanceId = "instance-1", DefinitionId = "review:1", DefinitionKey = "review",
                TaskDefinitionKey = "approve", CreateTime = new DateTime(2026, 3, 4, 5, 6, 7, 890, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO bpm_user_task_candidate (task_id, kind, name) VALUES
                    ('task-1', 'group', 'managers'), ('task-1', 'user', 'carol'), ('task-gone', 'group', 'managers')
                """);
        }

        var applied = await initializer.InitializeAsync(CancellationToken.None);

        Assert.Equal(["0005_candidate_list_order"], applied);
        await using var after = await services.GetRequiredService<IDbContextFactory<BpmDbContext>>().CreateDbContextAsync();
        var candidates = await after.UserTaskCandidates.AsNoTracking().OrderBy(c => c.Kind).ToListAsync();
        Assert.Equal(
            [("task-1", "group", "managers", new DateTime(2026, 3, 4, 5, 6, 7, 890, DateTimeKind.Utc)), ("task-1", "user", "carol", new DateTime(2026, 3, 4, 5, 6, 7, 890, DateTimeKind.Utc))],
            candidates.Select(c => (c.TaskId, c.Kind, c.Name, c.CreateTime)));
    }
}
