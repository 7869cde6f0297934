using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Bpm.Workers.Sdk;

/// <summary>
/// Exports the spans of handled tasks over OTLP when an endpoint is configured. Each task span is a child of
/// the engine span that handed the task out (its W3C trace context travels in the task message), so one
/// trace shows the engine and the worker.
/// </summary>
public static class WorkerTelemetry
{
    public const string StandardOtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static void Add(IServiceCollection services, IConfiguration configuration, WorkerOptions options)
    {
        var endpoint = options.OtlpEndpoint;
        if (string.IsNullOrWhiteSpace(endpoint) && string.IsNullOrWhiteSpace(configuration[StandardOtlpEndpoint])) return;
        if (!string.IsNullOrWhiteSpace(endpoint) && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            throw new InvalidOperationException($"Bpm:Worker:OtlpEndpoint must be an absolute URL such as http://otel-collector:4317, was '{endpoint}'");
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("bpm-worker", serviceInstanceId: options.WorkerId))
            .WithTracing(traces =>
            {
                traces.AddSource(TaskExecutor.Source.Name);
                if (string.IsNullOrWhiteSpace(endpoint)) traces.AddOtlpExporter();
                else traces.AddOtlpExporter(o => o.Endpoint = new Uri(endpoint));
            });
    }
}
