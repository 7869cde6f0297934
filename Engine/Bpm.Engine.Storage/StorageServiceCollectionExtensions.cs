using Bpm.Engine.Runtime;
using Bpm.Engine.Storage.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bpm.Engine.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the engine with its store: <c>services.AddBpmEngine(o => o.UsePostgreSql(...))</c>.</summary>
    /// <remarks>Its metrics need the <c>IMeterFactory</c> every .NET host registers.</remarks>
    public static IServiceCollection AddBpmEngine(this IServiceCollection services, Action<StorageOptions> configure)
    {
        var options = new StorageOptions();
        configure(options);
        services.AddSingleton(options);
        services.AddPooledDbContextFactory<BpmDbContext>(db =>
        {
            if (options.Provider == DatabaseProvider.PostgreSql) db.UseNpgsql(PostgreSqlConnectionDefaults.Apply(options.ConnectionString));
            else db.UseSqlite(options.ConnectionString).AddInterceptors(new SqliteBusyTimeout());
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ProcessRuntime(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DefinitionCache>();
        services.AddSingleton<TaskAvailability>();
        services.AddSingleton<UserTaskChanges>();
        services.AddSingleton<LockedTaskMemory>();
        services.AddSingleton<InstanceCommandExecutor>();
        services.AddSingleton<InstanceCommandGroups>();
        services.AddSingleton<DeploymentService>();
        services.AddSingleton<ProcessInstanceService>();
        services.AddSingleton<ExternalTaskService>();
        services.AddSingleton<UserTaskService>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<JobExecutor>();
        services.AddSingleton<QueueVacuum>();
        services.AddSingleton<MessageService>();
        services.AddSingleton<EngineMetrics>();
        services.AddSingleton<IncidentCensus>();
        services.AddSingleton<OutboxCensus>();
        services.AddSingleton(options.Jobs);
        services.AddSingleton(options.QueueVacuum);
        return services;
    }
}
