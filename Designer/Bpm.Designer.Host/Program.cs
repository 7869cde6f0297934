using Bpm.Designer;

var builder = WebApplication.CreateBuilder(args);
builder.AddBpmDesigner();
builder.Services.AddOptions<DesignerOptions>()
    .Validate(o => !string.IsNullOrWhiteSpace(o.EngineUrl), "Bpm:Designer:EngineUrl is required: the stand-alone designer needs the engine's address");

var app = builder.Build();
app.MapBpmDesigner();
await app.RunAsync();
