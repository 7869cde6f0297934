using Bpm.Engine.Storage.Telemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>What operators need from a node: metrics, traces, JSON logs and a bounded, graceful shutdown.</summary>
public static class OperationsExtensions
{
    /// <summary>The standard OpenTelemetry variable, honoured like <c>Bpm:Telemetry:OtlpEndpoint</c>.</summary>
    public const string StandardOtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddBpmOperations(this WebApplicationBuilder builder, BpmHostOptions options)
    {
        var otlpEndpoint = options.Telemetry.OtlpEndpoint;
        var tracing = !string.IsNullOrWhiteSpace(otlpEndpoint) || !string.IsNullOrWhiteSpace(builder.Configuration[StandardOtlpEndpoint]);
        if (!string.IsNullOrWhiteSpace(otlpEndpoint) && !(Uri.TryCreate(otlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            throw new InvalidOperationException($"Bpm:Telemetry:OtlpEndpoint must be an absolute URL such as http://otel-collector:4317, was '{otlpEndpoint}'");
        if (options.Telemetry.GaugeInterval <= TimeSpan.Zero)
            throw new InvalidOperationException($"Bpm:Telemetry:GaugeInterval must be positive, was '{options.Telemetry.GaugeInterval}'");

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.Telemetry.ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(EngineMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime")
                .AddPrometheusExporter());
        if (tracing)
        {
            telemetry.WithTracing(traces =>
            {
                traces.AddSource(EngineTracing.SourceName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsOperational(http.Request.Path));
                if (string.IsNullOrWhiteSpace(otlpEndpoint)) traces.AddOtlpExporter();
                else traces.AddOtlpExporter(o => o.Endpoint = new Uri(otlpEndpoint));
            });
        }
        builder.Services.AddHostedService<DatabaseGaugeService>();

        if (options.Logging.Json)
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        if (options.ShutdownTimeout <= TimeSpan.Zero)
            throw new InvalidOperationException($"Bpm:ShutdownTimeout must be positive, was '{options.ShutdownTimeout}'");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
        return builder;
    }

    /// <summary>Probes and scrapes: left out of traces, open without an API key.</summary>
    public static bool IsOperational(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");
}
