using Bpm.Workers;
using Bpm.Workers.Sdk;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddBpmWorkers(builder.Configuration).AddSeedWorkers(builder.Configuration);
await builder.Build().RunAsync();
