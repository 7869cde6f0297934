using Bpm.Deployment.Tests.Infrastructure;

namespace Bpm.Deployment.Tests;

public sealed class DockerfileTests
{
    public static TheoryData<string> Dockerfiles => new(Repository.Dockerfiles());

    /// <summary>Dockerfiles whose project is in the repository: only those can be built.</summary>
    public static TheoryData<string> BuildableDockerfiles => new(Repository.Dockerfiles().Where(d => File.Exists(Repository.PathOf(Dockerfile.Read(d).ProjectFile))));

    [Fact]
    public void Should_have_a_dockerfile_for_the_engine_host_and_the_worker_host()
    {
        Assert.Equal(["Engine/Bpm.Engine.Host/Dockerfile", "Workers/Bpm.Workers/Dockerfile"], Repository.Dockerfiles());
    }

    [Theory, MemberData(nameof(Dockerfiles))]
    public void Should_build_with_the_sdk_and_run_on_the_runtime_as_a_non_root_user_with_a_health_check(string path)
    {
        var file = Dockerfile.Read(path);
        var stages = file.All("FROM").ToList();

        Assert.True(stages.Count >= 2, $"{path} is not multi-stage");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0 AS ", stages[0]);
        Assert.Contains(stages[^1], new[] { "mcr.microsoft.com/dotnet/aspnet:10.0", "mcr.microsoft.com/dotnet/runtime:10.0" });
        var user = file.FinalStage.Last(i => i.Keyword == "USER").Arguments.Split(':')[0];
        Assert.True(int.TryParse(user, out var uid) && uid > 0, $"{path}: USER must be a numeric non-root id (Kubernetes' runAsNonRoot checks ids), was '{user}'");
        Assert.NotEmpty(file.HealthCheckCommand());
        Assert.Equal($"[\"dotnet\", \"{file.ProjectName}.dll\"]", file.FinalStage.Single(i => i.Keyword == "ENTRYPOINT").Arguments);
        Assert.Contains(file.All("RUN"), run => run.Contains($"dotnet publish {file.ProjectFile}", StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(file.Label("org.opencontainers.image.title")), $"{path}: the title label names the image the manifests use");
        Assert.Contains(file.FinalStage, i => i.Keyword == "COPY" && i.Arguments.StartsWith("--from=", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(BuildableDockerfiles))]
    public void Should_copy_only_paths_that_exist_in_the_repository(string path)
    {
        var file = Dockerfile.Read(path);
        foreach (var copy in file.All("COPY").Where(c => !c.StartsWith("--from=", StringComparison.Ordinal)))
        {
            var parts = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var source in parts[..^1]) Assert.True(File.Exists(Repository.PathOf(source)) || Directory.Exists(Repository.PathOf(source)), $"{path}: COPY {source} does not exist");
        }
    }

    [Fact]
    public void Should_set_only_settings_the_engine_reads_and_keep_its_data_in_a_volume()
    {
        var file = Dockerfile.Read("Engine/Bpm.Engine.Host/Dockerfile");
        var environment = file.Environment();

        Assert.All(environment.Keys, name => Assert.True(AppSettings.Engine.IsRead(name), $"the engine does not read {name}"));
        Assert.Equal("/data", environment["Bpm__DataFolder"]);
        Assert.Contains("/data", file.All("VOLUME").Single());
    }

    [Fact]
    public async Task Should_pass_the_engine_health_check_while_the_host_runs_and_fail_when_nothing_listens()
    {
        var command = Dockerfile.Read("Engine/Bpm.Engine.Host/Dockerfile").HealthCheckCommand();
        Assert.Equal("bash", command[0]);
        Assert.Contains("127.0.0.1/8080", command[^1]);
        await using var host = await EngineHost.StartAsync(new Dictionary<string, string>());

        var healthy = await Tool.RunAsync(command[0], [.. command[1..^1], command[^1].Replace("127.0.0.1/8080", $"127.0.0.1/{host.Port}")]);
        await host.DisposeAsync();
        var dead = await Tool.RunAsync(command[0], [.. command[1..^1], command[^1].Replace("127.0.0.1/8080", $"127.0.0.1/{host.Port}")]);

        Assert.True(healthy.ExitCode == 0, healthy.Describe("the health check against a running host"));
        Assert.NotEqual(0, dead.ExitCode);
    }

    [Fact]
    public void Should_keep_build_output_and_repository_metadata_out_of_the_build_context()
    {
        var ignored = Repository.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet();

        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains(".git/", ignored);
        Assert.Contains("**/node_modules/", ignored);
    }
}
