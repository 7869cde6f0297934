using Bpm.Engine.Host.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddBpmEngineHost();

var app = builder.Build();
app.UseBpmEngineHost();
await app.InitializeBpmAsync();
await app.RunAsync();

/// <summary>The entry point, visible to the host's functional tests.</summary>
public partial class Program;
