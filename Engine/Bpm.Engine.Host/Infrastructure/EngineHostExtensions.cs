using Bpm.Designer;
using Bpm.Engine.Host.Apis;
using Bpm.Engine.Host.Live;
using Bpm.Engine.Host.Transports;
using Bpm.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>Wires the engine host: configuration, store, auth, the REST API and start-up work.</summary>
public static class EngineHostExtensions
{
    /// <summary>Where the engine listens when <c>ASPNETCORE_URLS</c> says nothing.</summary>
    public const string DefaultUrl = "http://localhost:8080";

    public static WebApplicationBuilder AddBpmEngineHost(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Bpm").Get<BpmHostOptions>() ?? new BpmHostOptions();
        var dataFolder = Path.GetFullPath(options.DataFolder ?? Path.Combine(builder.Environment.ContentRootPath, "data"));
        builder.Services.AddSingleton(options);

        var provider = Enum.TryParse<DatabaseProvider>(options.Database.Provider, ignoreCase: true, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"Bpm:Database:Provider must be Sqlite or PostgreSql, was '{options.Database.Provider}'");
        var connectionString = builder.Configuration.GetConnectionString("Bpm");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.PostgreSql) throw new InvalidOperationException("ConnectionStrings:Bpm is required for PostgreSql");
            connectionString = $"Data Source={Path.Combine(dataFolder, "bpm.db")}";
        }
        if (!Enum.IsDefined(options.History.Level))
            throw new InvalidOperationException($"Bpm:History:Level must be Activity or None, was '{options.History.Level}'");
        var jobs = options.Jobs;
        builder.Services.AddBpmEngine(o => { o.Provider = provider; o.ConnectionString = connectionString; o.Jobs = jobs; o.GroupCommit = options.GroupCommit; o.QueueVacuum = options.QueueVacuum; o.History = options.History.Level; });
        if (jobs.Enabled) builder.Services.AddHostedService<JobExecutorService>();
        if (provider == DatabaseProvider.PostgreSql && options.QueueVacuum.Enabled) builder.Services.AddHostedService<QueueVacuumService>();
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<BpmDbContext>>().CreateDbContext());

        var keys = options.Auth.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        if (keys.Count == 0)
        {
            var key = DevelopmentApiKey.LoadOrCreate(dataFolder);
            keys.Add(key);
            builder.Services.AddSingleton(new DevelopmentKeyNotice(key));
        }
        var users = options.Auth.Users.Where(u => !string.IsNullOrWhiteSpace(u.Id)).ToList();
        if (users.Count == 0 && options.Auth.ApiKeys.All(string.IsNullOrWhiteSpace))
        {
            users = DemoUsers.LoadOrCreate(dataFolder);
            builder.Services.AddSingleton(new DemoUsersNotice(users[0].Password, [.. users.Select(u => $"{u.Id} ({string.Join(", ", u.Groups)})")]));
        }
        var directory = new UserDirectory(users);
        builder.Services.AddSingleton(directory);
        builder.Services.AddSingleton(new ApiKeyRing(keys));
        builder.AddOidcBearer(options.Auth.Oidc);
        builder.Services.AddBpmLiveTasks(provider);
        var transports = builder.Configuration.GetSection("Bpm:Transports").Get<TransportOptions>() ?? new TransportOptions();
        builder.Services.AddBpmTransports(transports, needsBus: options.Workers.Embedded);
        if (options.Workers.Embedded) builder.AddEmbeddedWorkers(transports, keys[0]);
        // The designer on the same port calls this engine's REST API with one of its keys, like any other client.
        if (options.Designer.Enabled) builder.AddBpmDesigner(d =>
        {
            d.ApiKey ??= keys[0];
            if (d.Users.Count == 0) d.Users = [.. directory.Users.Select(u => new Designer.People.DesignerUser { Id = u.User.Id, Name = u.Name, Groups = [.. u.User.Groups] })];
        });
        builder.Services.AddSingleton<AutoDeployer>();
        builder.Services.AddOpenApi();
        builder.AddBpmOperations(options);
        // Statement logging stays off unless configured: it would print every variable value.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 32 * 1024 * 1024);
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        return builder;
    }

    public static WebApplication UseBpmEngineHost(this WebApplication app)
    {
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseMiddleware<CommandTelemetryMiddleware>();
        app.MapHealthApi();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api-docs", o => o.WithOpenApiRoutePattern("/openapi/{documentName}.json").WithTitle("Bpm engine REST API"));
        app.MapGroup("/engine-rest")
            .MapEngineApi()
            .MapDeploymentsApi()
            .MapProcessDefinitionsApi()
            .MapProcessInstancesApi()
            .MapActivityInstancesApi()
            .MapExternalTasksApi()
            .MapTasksApi()
            .MapMessagesApi()
            .MapIncidentsApi()
            .MapJobsApi()
            .MapHistoryApi();
        app.MapGroup("/api").MapActivityTemplatesApi();
        app.MapBpmLiveTasks();
        if (app.Services.GetRequiredService<BpmHostOptions>().Designer.Enabled) app.MapBpmDesigner();
        return app;
    }

    /// <summary>Migrates the schema and auto-deploys models before the first request is served.</summary>
    public static async Task InitializeBpmAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Bpm.Engine.Host");
        var applied = await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
        foreach (var migration in applied) logger.LogInformation("Applied schema migration {Migration}", migration);
        var options = app.Services.GetRequiredService<BpmHostOptions>();
        if (options.AutoDeploy.Enabled)
        {
            var folder = options.AutoDeploy.Folder ?? Path.Combine(AppContext.BaseDirectory, "models");
            await app.Services.GetRequiredService<AutoDeployer>().DeployFolderAsync(folder, app.Lifetime.ApplicationStopping);
        }
        if (app.Services.GetService<DevelopmentKeyNotice>() is { } notice)
        {
            // Printed to the console on purpose, once, so a newcomer can call the API; never logged.
            Console.WriteLine($"Development API key (send it as the x-api-key header): {notice.Key}");
        }
        if (app.Services.GetService<DemoUsersNotice>() is { } demo)
        {
            Console.WriteLine($"Demo users (HTTP Basic on /engine-rest, password '{demo.Password}'): {string.Join(", ", demo.Users)}");
        }
    }
}
