using System.Net;
using System.Text;
using Bpm.Testing;

namespace Bpm.Engine.Host.Tests.Infrastructure;

/// <summary>
/// A stand-in OpenTelemetry collector: accepts OTLP/HTTP protobuf exports on a loopback port and keeps
/// them, as text (span names and attribute values are plain UTF-8 in protobuf) and as decoded spans.
/// </summary>
public sealed class OtlpCollector : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<(string Path, byte[] Body)> _exports = [];

    public OtlpCollector()
    {
        var port = LoopbackPort.Free();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _ = Task.Run(ReceiveAsync);
    }

    public string Endpoint { get; }

    /// <summary>Environment settings that point an app's OTLP exporter here, exporting every 100 ms.</summary>
    public Dictionary<string, string> ExporterSettings => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
    };

    /// <summary>Every export so far, one line each: its path, then its body as UTF-8.</summary>
    public string Text
    {
        get
        {
            lock (_exports) return string.Concat(_exports.Select(e => e.Path + " " + Encoding.UTF8.GetString(e.Body) + "\n"));
        }
    }

    public IReadOnlyList<OtlpSpan> Spans
    {
        get
        {
            lock (_exports) return _exports.Where(e => e.Path == "/v1/traces").SelectMany(e => OtlpSpan.Decode(e.Body)).ToList();
        }
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            lock (_exports) _exports.Add((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
