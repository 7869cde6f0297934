using Microsoft.Extensions.Hosting;
using Bpm.TestWorker;
using Bpm.Workers.Sdk;

// A worker process for the transport tests: one echo handler, configured only through Bpm__Worker__* and
// TestWorker__* environment variables, printing one line per handled task.
var builder = Host.CreateApplicationBuilder(args);
var topic = builder.Configuration["TestWorker:Topic"] ?? EchoHandler.Activity.TaskType;
var concurrency = int.TryParse(builder.Configuration["TestWorker:MaxConcurrency"], out var parsed) ? parsed : 4;
builder.Services.AddBpmWorkers(builder.Configuration).AddHandler<EchoHandler>(o =>
{
    o.TaskType = topic;
    o.MaxConcurrency = concurrency;
});
await builder.Build().RunAsync();
