using Bpm.Engine.Host.Infrastructure;

// Settings are read once, at start. Watching for changes to them would watch the whole tree under the working folder,
// and wake the host on every write there: the embedded database's, its logs', a deployment's.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
builder.AddBpmEngineHost();

var app = builder.Build();
app.UseBpmEngineHost();
await app.InitializeBpmAsync();
await app.RunAsync();

/// <summary>The entry point, visible to the host's functional tests.</summary>
public partial class Program;
