using Bpm.Engine.Runtime;

namespace Bpm.Engine.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Should_keep_the_engine_core_free_of_storage_web_and_transport_frameworks()
    {
        var forbidden = new[] { "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "MassTransit", "Confluent", "Npgsql", "Microsoft.Data.Sqlite" };
        var references = typeof(ProcessRuntime).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("Jint", references);
        Assert.DoesNotContain(references, r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal)));
    }
}
