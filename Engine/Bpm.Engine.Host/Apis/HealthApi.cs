using Bpm.Engine.Storage;

namespace Bpm.Engine.Host.Apis;

public static class HealthApi
{
    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: the database answers too.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Text("Healthy", "text/plain")).WithTags("Health");
        app.MapGet("/health/ready", async (DatabaseInitializer database, CancellationToken ct) =>
        {
            bool ready;
            try
            {
                ready = await database.CanConnectAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ready = false;
            }
            return ready ? Results.Text("Healthy", "text/plain") : Results.Text("Unhealthy: the database does not answer", "text/plain", statusCode: 503);
        }).WithTags("Health");
        return app;
    }
}
