using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Bpm.Engine.Storage;

/// <summary>The engine's tables. The schema itself is created by <see cref="Migrations.SchemaMigrator"/>.</summary>
public sealed class BpmDbContext(DbContextOptions<BpmDbContext> options) : DbContext(options)
{
    public DbSet<DeploymentRow> Deployments => Set<DeploymentRow>();
    public DbSet<ProcessDefinitionRow> ProcessDefinitions => Set<ProcessDefinitionRow>();
    public DbSet<ProcessInstanceRow> ProcessInstances => Set<ProcessInstanceRow>();
    public DbSet<ExternalTaskRow> ExternalTasks => Set<ExternalTaskRow>();
    public DbSet<ActivityTemplateRow> ActivityTemplates => Set<ActivityTemplateRow>();
    public DbSet<UserTaskRow> UserTasks => Set<UserTaskRow>();
    public DbSet<UserTaskCandidateRow> UserTaskCandidates => Set<UserTaskCandidateRow>();
    public DbSet<IncidentRow> Incidents => Set<IncidentRow>();
    public DbSet<JobRow> Jobs => Set<JobRow>();
    public DbSet<MessageSubscriptionRow> MessageSubscriptions => Set<MessageSubscriptionRow>();
    public DbSet<MessageBufferRow> MessageBuffer => Set<MessageBufferRow>();
    public DbSet<MessageReceiptRow> MessageReceipts => Set<MessageReceiptRow>();
    public DbSet<SignalOutboxRow> SignalOutbox => Set<SignalOutboxRow>();
    public DbSet<ActivityInstanceRow> ActivityInstances => Set<ActivityInstanceRow>();

    /// <remarks>
    /// Without a savepoint: a transaction of this engine whose save fails is rolled back whole and, if at all, run
    /// again from its start, so the savepoint would cost two statements for nothing.
    /// </remarks>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Database.AutoSavepointsEnabled = false;
        await CloseStoredHistoryAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Of the history rows written when their external task ended (<see cref="ActivityInstanceRow.MayBeStored"/>),
    /// those stored already are closed (their end time and whether they were canceled) instead of inserted.
    /// </summary>
    private async Task CloseStoredHistoryAsync(CancellationToken cancellationToken)
    {
        // Such rows are tracked as added whatever their values: finding them needs no detection of changes.
        var written = WithoutDetectingChanges(() =>
            ChangeTracker.Entries<ActivityInstanceRow>().Where(e => e is { State: EntityState.Added, Entity.MayBeStored: true }).ToList());
        if (written.Count == 0) return;
        var ids = written.Select(e => e.Entity.Id).ToList();
        var stored = (await ActivityInstances.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var entry in written.Where(e => stored.Contains(e.Entity.Id)))
        {
            entry.State = EntityState.Unchanged;
            entry.Property(nameof(ActivityInstanceRow.EndTime)).IsModified = true;
            entry.Property(nameof(ActivityInstanceRow.Canceled)).IsModified = true;
        }
    }

    /// <summary>Runs <paramref name="look"/> on the tracked rows as they are: which rows are tracked is all it needs.</summary>
    internal TResult WithoutDetectingChanges<TResult>(Func<TResult> look)
    {
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return look();
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("The engine saves asynchronously only: SaveChangesAsync closes the history rows it finds stored");

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Every timestamp is UTC; SQLite hands them back unspecified.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        Table<DeploymentRow>(model, "bpm_deployment", x => x.Id);
        Table<ProcessDefinitionRow>(model, "bpm_process_definition", x => x.Id);
        Table<ProcessInstanceRow>(model, "bpm_process_instance", x => x.Id).Property(x => x.Revision).IsConcurrencyToken();
        Table<ExternalTaskRow>(model, "bpm_external_task", x => x.Id);
        Table<UserTaskRow>(model, "bpm_user_task", x => x.Id);
        Table<UserTaskCandidateRow>(model, "bpm_user_task_candidate", x => new { x.TaskId, x.Kind, x.Name });
        Table<IncidentRow>(model, "bpm_incident", x => x.Id);
        Table<JobRow>(model, "bpm_job", x => x.Id);
        Table<MessageSubscriptionRow>(model, "bpm_message_subscription", x => x.Id);
        Table<MessageBufferRow>(model, "bpm_message_buffer", x => x.Id);
        Table<MessageReceiptRow>(model, "bpm_message_receipt", x => x.MessageId);
        Table<SignalOutboxRow>(model, "bpm_signal_outbox", x => x.Id);
        Table<ActivityInstanceRow>(model, "bpm_activity_instance", x => x.Id).Ignore(x => x.MayBeStored);
        Table<ActivityTemplateRow>(model, "bpm_activity_template", x => x.Id);
    }

    /// <summary>Maps a row type to its table, with snake_case column names as the migrations create them.</summary>
    private static Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> Table<T>(
        ModelBuilder model, string name, System.Linq.Expressions.Expression<Func<T, object?>> key) where T : class
    {
        var entity = model.Entity<T>();
        entity.ToTable(name);
        entity.HasKey(key);
        MapColumns(entity.Metadata);
        return entity;
    }

    private static void MapColumns(Microsoft.EntityFrameworkCore.Metadata.IMutableEntityType entity)
    {
        foreach (var property in entity.GetProperties()) property.SetColumnName(SnakeCase(property.Name));
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
