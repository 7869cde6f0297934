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
    public DbSet<UserTaskRow> UserTasks => Set<UserTaskRow>();
    public DbSet<UserTaskCandidateRow> UserTaskCandidates => Set<UserTaskCandidateRow>();
    public DbSet<IncidentRow> Incidents => Set<IncidentRow>();
    public DbSet<JobRow> Jobs => Set<JobRow>();
    public DbSet<MessageSubscriptionRow> MessageSubscriptions => Set<MessageSubscriptionRow>();
    public DbSet<MessageBufferRow> MessageBuffer => Set<MessageBufferRow>();
    public DbSet<MessageReceiptRow> MessageReceipts => Set<MessageReceiptRow>();
    public DbSet<SignalOutboxRow> SignalOutbox => Set<SignalOutboxRow>();
    public DbSet<ActivityInstanceRow> ActivityInstances => Set<ActivityInstanceRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Every timestamp is UTC; SQLite hands them back unspecified.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<DeploymentRow>(e =>
        {
            e.ToTable("bpm_deployment");
            e.HasKey(x => x.Id);
            MapColumns(e.Metadata);
        });
        model.Entity<ProcessDefinitionRow>(e =>
        {
            e.ToTable("bpm_process_definition");
            e.HasKey(x => x.Id);
            MapColumns(e.Metadata);
        });
        model.Entity<ProcessInstanceRow>(e =>
        {
            e.ToTable("bpm_process_instance");
            e.HasKey(x => x.Id);
            e.Property(x => x.Revision).IsConcurrencyToken();
            MapColumns(e.Metadata);
        });
        model.Entity<ExternalTaskRow>(e =>
        {
            e.ToTable("bpm_external_task");
            e.HasKey(x => x.Id);
            MapColumns(e.Metadata);
        });
        model.Entity<UserTaskRow>(e =>
        {
            e.ToTable("bpm_user_task");
            e.HasKey(x => x.Id);
            MapColumns(e.Metadata);
        });
        model.Entity<UserTaskCandidateRow>(e =>
        {
            e.ToTable("bpm_user_task_candidate");
            e.HasKey(x => new { x.TaskId, x.Kind, x.Name });
            MapColumns(e.Metadata);
        });
        model.Entity<IncidentRow>(e =>
        {
            e.ToTable("bpm_incident");
            e.HasKey(x => x.Id);
            MapColumns(e.Metadata);
        });
        model.Entity<JobRow>(e =>
        {
            e.ToTable("bpm_job");
            e.HasKey(x => x.Id);
            MapColumns(e.Metadata);
        });
        model.Entity<MessageSubscriptionRow>(e =>
        {
            e.ToTable("bpm_message_subscription");
            e.HasKey(x => x.Id);
            MapColumns(e.Metadata);
        });
        model.Entity<MessageBufferRow>(e =>
        {
            e.ToTable("bpm_message_buffer");
            e.HasKey(x => x.Id);
            MapColumns(e.Metadata);
        });
        model.Entity<MessageReceiptRow>(e =>
        {
            e.ToTable("bpm_message_receipt");
            e.HasKey(x => x.MessageId);
            MapColumns(e.Metadata);
        });
        model.Entity<SignalOutboxRow>(e =>
        {
            e.ToTable("bpm_signal_outbox");
            e.HasKey(x => x.Id);
            MapColumns(e.Metadata);
        });
        model.Entity<ActivityInstanceRow>(e =>
        {
            e.ToTable("bpm_activity_instance");
            e.HasKey(x => x.Id);
            MapColumns(e.Metadata);
        });
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
