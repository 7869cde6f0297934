using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bpm.Contracts.Workers;
using Bpm.Deployment.Tests.Infrastructure;

namespace Bpm.Deployment.Tests;

/// <summary>What <c>kubectl kustomize k8s/overlays/&lt;env&gt;</c> renders, checked against the apps and Dockerfiles of the repository.</summary>
public sealed class ManifestTests
{
    public static TheoryData<string> Environments => new(Overlay.Environments);

    [Theory, MemberData(nameof(Environments))]
    public async Task Should_set_only_environment_variables_the_apps_read(string environment)
    {
        var overlay = await Overlay.RenderAsync(environment);
        var ignored = new List<string>();
        var engineVariables = 0;
        foreach (var container in overlay.Containers())
        {
            var app = AppOf(container);
            foreach (var name in EnvironmentOf(overlay, container).Keys)
            {
                var read = (app == "bpm-engine" ? AppSettings.Engine : AppSettings.Worker).IsRead(name);
                if (!read) ignored.Add($"{container} sets {name}");
                if (app == "bpm-engine") engineVariables++;
            }
        }

        Assert.True(ignored.Count == 0,
            "Settings no app reads (a typo?):\n" + string.Join("\n", ignored) + "\nThe engine reads: " + AppSettings.Engine.Describe() + "\nThe workers read: " + AppSettings.Worker.Describe());
        Assert.True(engineVariables >= 5, $"the engine gets its configuration from the manifests ({engineVariables} variables)");
    }

    [Fact]
    public void Should_tell_a_misspelt_setting_from_the_settings_the_apps_read()
    {
        Assert.True(AppSettings.Engine.IsRead("Bpm__Jobs__PollInterval"));
        Assert.True(AppSettings.Engine.IsRead("Bpm__Auth__ApiKeys__3"));
        Assert.True(AppSettings.Engine.IsRead("Bpm__Telemetry__OtlpEndpoint"));
        Assert.True(AppSettings.Engine.IsRead("ConnectionStrings__Bpm"));
        Assert.False(AppSettings.Engine.IsRead("Bpm__Jobs__PolInterval"));
        Assert.False(AppSettings.Engine.IsRead("Bpm__Auth__ApiKeys"));
        Assert.False(AppSettings.Engine.IsRead("Bpm__Jobs"));
        Assert.False(AppSettings.Engine.IsRead("ConnectionStrings__Bmp"));
        Assert.True(AppSettings.Worker.IsRead("Bpm__Worker__Kafka__BootstrapServers"));
        Assert.True(AppSettings.Worker.IsRead("Bpm__Worker__RabbitMq__Password"));
        Assert.False(AppSettings.Worker.IsRead("Bpm__Workers__Transport"));
        Assert.False(AppSettings.Worker.IsRead("Bpm__Jobs__PollInterval"));
    }

    [Theory, MemberData(nameof(Environments))]
    public async Task Should_use_only_images_that_a_dockerfile_of_the_repository_builds(string environment)
    {
        var overlay = await Overlay.RenderAsync(environment);
        var built = Repository.Dockerfiles().Select(Dockerfile.Read).ToDictionary(d => d.Label("org.opencontainers.image.title") ?? d.Path, d => d.Path);

        var containers = overlay.Containers().ToList();
        Assert.NotEmpty(containers);
        foreach (var container in containers)
        {
            var name = AppOf(container);
            Assert.True(built.ContainsKey(name), $"{container}: image {container.Image} is built by no Dockerfile (titles: {string.Join(", ", built.Keys)})");
            Assert.Matches(@":[\w][\w.-]*$", container.Image);
            Assert.DoesNotContain(":latest", container.Image);
        }
    }

    [Theory, MemberData(nameof(Environments))]
    public async Task Should_limit_resources_and_lock_down_every_container(string environment)
    {
        var overlay = await Overlay.RenderAsync(environment);
        foreach (var container in overlay.Containers())
        {
            var resources = container.Container["resources"];
            Assert.False(string.IsNullOrEmpty(resources?["requests"]?["cpu"]?.GetValue<string>()), $"{container}: no CPU request");
            Assert.False(string.IsNullOrEmpty(resources?["requests"]?["memory"]?.GetValue<string>()), $"{container}: no memory request");
            Assert.False(string.IsNullOrEmpty(resources?["limits"]?["memory"]?.GetValue<string>()), $"{container}: no memory limit");

            var security = container.Container["securityContext"];
            Assert.True(security?["readOnlyRootFilesystem"]?.GetValue<string>() == "true", $"{container}: root filesystem not read-only");
            Assert.True(security?["allowPrivilegeEscalation"]?.GetValue<string>() == "false", $"{container}: privilege escalation allowed");
            Assert.True((security?["runAsNonRoot"] ?? container.Pod["securityContext"]?["runAsNonRoot"])?.GetValue<string>() == "true", $"{container}: may run as root");
            Assert.Contains("ALL", security?["capabilities"]?["drop"]?.AsArray().Select(c => c!.GetValue<string>()) ?? []);

            // The image's user, so files and mounts agree with it.
            var image = Dockerfile.Read(Repository.Dockerfiles().Single(d => Dockerfile.Read(d).Label("org.opencontainers.image.title") == AppOf(container)));
            var uid = image.FinalStage.Last(i => i.Keyword == "USER").Arguments.Split(':')[0];
            Assert.Equal(uid, (security?["runAsUser"] ?? container.Pod["securityContext"]?["runAsUser"])?.GetValue<string>());

            // A read-only root: the app may write only where a volume is mounted, and only to /tmp and /data.
            foreach (var mount in container.Container["volumeMounts"]?.AsArray() ?? [])
                Assert.Contains(mount!["mountPath"]!.GetValue<string>(), new[] { "/tmp", "/data" });
            Assert.Contains("/tmp", container.Container["volumeMounts"]?.AsArray().Select(m => m!["mountPath"]!.GetValue<string>()) ?? []);
        }
    }

    [Theory, MemberData(nameof(Environments))]
    public async Task Should_roll_the_engine_without_downtime_and_budget_its_disruptions(string environment)
    {
        var overlay = await Overlay.RenderAsync(environment);
        var engine = overlay.Single("Deployment", "bpm-engine");
        var labels = engine.At("spec", "selector", "matchLabels")!.AsObject();

        Assert.Equal("RollingUpdate", engine.Text("spec", "strategy", "type"));
        Assert.Equal("0", engine.Text("spec", "strategy", "rollingUpdate", "maxUnavailable"));
        var budget = Assert.Single(overlay.OfKind("PodDisruptionBudget"), p => Selects(p.At("spec", "selector", "matchLabels")!.AsObject(), labels));
        Assert.NotNull(budget.Text("spec", "maxUnavailable") ?? budget.Text("spec", "minAvailable"));
        var autoscaler = overlay.Single("HorizontalPodAutoscaler", "bpm-engine");
        Assert.Equal("Deployment", autoscaler.Text("spec", "scaleTargetRef", "kind"));
        Assert.Equal("bpm-engine", autoscaler.Text("spec", "scaleTargetRef", "name"));
        var shutdown = TimeSpan.Parse(EnvironmentOf(overlay, overlay.Containers().Single(c => c.Owner == engine))["Bpm__ShutdownTimeout"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(int.Parse(engine.Text("spec", "template", "spec", "terminationGracePeriodSeconds")!) > shutdown.TotalSeconds + 5,
            "the pod's grace period outlasts the host's shutdown timeout and the preStop pause");
        if (environment == "prod")
        {
            Assert.True(int.Parse(engine.Text("spec", "replicas")!) >= 2, "prod runs two engines or more");
            Assert.True(int.Parse(autoscaler.Text("spec", "minReplicas")!) >= 2, "prod never scales below two engines");
        }
    }

    [Theory, MemberData(nameof(Environments))]
    public async Task Should_route_ingress_service_and_service_monitor_to_a_port_the_engine_listens_on(string environment)
    {
        var overlay = await Overlay.RenderAsync(environment);
        var engine = overlay.Containers().Single(c => c.Owner.Name == "bpm-engine");
        var ports = engine.Container["ports"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["containerPort"]!.GetValue<string>());
        var service = overlay.Single("Service", "bpm-engine");
        var servicePorts = service.At("spec", "ports")!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["targetPort"]!.GetValue<string>());

        Assert.True(Selects(engine.Owner.At("spec", "template", "metadata", "labels")!.AsObject(), service.At("spec", "selector")!.AsObject()), "the Service selects the engine's pods");
        Assert.All(servicePorts.Values, target => Assert.True(ports.ContainsKey(target), $"Service targets port '{target}', which the engine does not name"));
        var backend = overlay.Single("Ingress", "bpm-engine").At("spec", "rules")!.AsArray().SelectMany(r => r!["http"]!["paths"]!.AsArray()).Single()!;
        Assert.Equal("/", backend["path"]!.GetValue<string>());
        Assert.Equal("bpm-engine", backend["backend"]!["service"]!["name"]!.GetValue<string>());
        Assert.True(servicePorts.ContainsKey(backend["backend"]!["service"]!["port"]!["name"]!.GetValue<string>()));
        var monitor = overlay.Single("ServiceMonitor", "bpm-engine");
        Assert.True(Selects(service.At("metadata", "labels")!.AsObject(), monitor.At("spec", "selector", "matchLabels")!.AsObject()), "the ServiceMonitor selects the engine's Service");
        var endpoint = Assert.Single(monitor.At("spec", "endpoints")!.AsArray())!;
        Assert.True(servicePorts.ContainsKey(endpoint["port"]!.GetValue<string>()));
        Assert.Equal("/metrics", endpoint["path"]!.GetValue<string>());
    }

    [Theory, MemberData(nameof(Environments))]
    public async Task Should_scale_a_kafka_pool_on_consumer_lag_and_a_masstransit_pool_on_queue_length(string environment)
    {
        var overlay = await Overlay.RenderAsync(environment);
        var scaled = overlay.OfKind("ScaledObject").ToDictionary(
            s => s.At("spec", "triggers")!.AsArray().Select(t => t!["type"]!.GetValue<string>()).Distinct().Single(),
            s => s.Text("spec", "scaleTargetRef", "name")!);

        Assert.Equal(["kafka", "rabbitmq"], scaled.Keys.Order());
        Assert.Equal("Kafka", TransportOf(overlay, scaled["kafka"]));
        Assert.Equal("MassTransit", TransportOf(overlay, scaled["rabbitmq"]));
        var rabbit = overlay.OfKind("ScaledObject").Single(s => s.Text("spec", "scaleTargetRef", "name") == scaled["rabbitmq"]);
        var authentication = overlay.Single("TriggerAuthentication", rabbit.At("spec", "triggers")!.AsArray().Single()!["authenticationRef"]!["name"]!.GetValue<string>());
        var secret = authentication.At("spec", "secretTargetRef")!.AsArray().Single()!["name"]!.GetValue<string>();
        Assert.True(overlay.Data("Secret", secret) is not null || ExternalSecrets().Contains(secret), $"secret {secret} is neither rendered nor listed in docs/operations.md");
        // The engine hands every shipped task type to one pool; KEDA watches exactly the Kafka ones, on the
        // topic and group the workers use, and the queues of the MassTransit ones.
        var engine = EnvironmentOf(overlay, overlay.Containers().Single(c => c.Owner.Name == "bpm-engine"));
        var kafkaTypes = Numbered(engine, "Bpm__Transports__Kafka__Topics");
        var massTransitTypes = Numbered(engine, "Bpm__Transports__MassTransit__Topics");
        Assert.Equal(ShippedTaskTypes(), kafkaTypes.Concat(massTransitTypes).Order(StringComparer.Ordinal));
        var kafkaPool = EnvironmentOf(overlay, overlay.Containers().Single(c => c.Owner.Name == scaled["kafka"]));
        Assert.Equal(engine["Bpm__Transports__Kafka__BootstrapServers"], kafkaPool["Bpm__Worker__Kafka__BootstrapServers"]);
        var triggers = overlay.OfKind("ScaledObject").Single(s => s.Text("spec", "scaleTargetRef", "name") == scaled["kafka"]).At("spec", "triggers")!.AsArray()
            .Select(t => t!["metadata"]!).ToList();
        Assert.Equal(kafkaTypes.Select(WorkerMessages.TasksTopic).Order(StringComparer.Ordinal), triggers.Select(t => t["topic"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(triggers, t =>
        {
            var type = t["topic"]!.GetValue<string>()["bpm.tasks.".Length..];
            Assert.Equal(WorkerMessages.WorkerGroup(type), t["consumerGroup"]!.GetValue<string>());
            Assert.Equal(kafkaPool["Bpm__Worker__Kafka__BootstrapServers"], t["bootstrapServers"]!.GetValue<string>());
        });
        var massTransitPool = EnvironmentOf(overlay, overlay.Containers().Single(c => c.Owner.Name == scaled["rabbitmq"]));
        Assert.Equal(engine["Bpm__Transports__MassTransit__Host"], massTransitPool["Bpm__Worker__RabbitMq__Host"]);
        var queues = new Regex("^" + rabbit.At("spec", "triggers")!.AsArray().Single()!["metadata"]!["queueName"]!.GetValue<string>() + "$");
        Assert.All(massTransitTypes, type => Assert.Matches(queues, WorkerMessages.TasksQueue(type)));
        Assert.DoesNotMatch(queues, WorkerMessages.ResultsQueue);
    }

    [Theory, MemberData(nameof(Environments))]
    public async Task Should_let_only_the_engine_and_the_workers_reach_the_database_and_the_brokers(string environment)
    {
        var overlay = await Overlay.RenderAsync(environment);
        var guarded = new Dictionary<string, string[]>
        {
            ["postgresql"] = ["bpm-engine"],
            ["kafka"] = ["bpm-engine", "bpm-workers"],
            ["rabbitmq"] = ["bpm-engine", "bpm-workers"],
        };
        foreach (var (service, clients) in guarded)
        {
            var policy = Assert.Single(overlay.OfKind("NetworkPolicy"), p => p.Text("spec", "podSelector", "matchLabels", "app.kubernetes.io/name") == service);
            Assert.Contains("Ingress", policy.At("spec", "policyTypes")!.AsArray().Select(t => t!.GetValue<string>()));
            var admitted = new HashSet<string>();
            foreach (var peer in policy.At("spec", "ingress")!.AsArray().SelectMany(rule => rule!["from"]?.AsArray() ?? throw new InvalidOperationException($"{policy}: a rule without 'from' admits everyone")))
            {
                if (peer!["namespaceSelector"] is { } namespaces)
                {
                    // Only KEDA's operator, which reads lag and queue lengths.
                    Assert.Equal("keda", namespaces["matchLabels"]!["kubernetes.io/metadata.name"]!.GetValue<string>());
                    Assert.Equal("keda-operator", peer["podSelector"]!["matchLabels"]!["app"]!.GetValue<string>());
                    continue;
                }
                var selector = peer["podSelector"] ?? throw new InvalidOperationException($"{policy}: a peer without a pod selector");
                if (selector["matchLabels"]?["app.kubernetes.io/name"] is { } name) admitted.Add(name.GetValue<string>());
                foreach (var expression in selector["matchExpressions"]?.AsArray() ?? [])
                {
                    Assert.Equal("app.kubernetes.io/name", expression!["key"]!.GetValue<string>());
                    Assert.Equal("In", expression["operator"]!.GetValue<string>());
                    foreach (var value in expression["values"]!.AsArray()) admitted.Add(value!.GetValue<string>());
                }
            }
            Assert.Equal(clients.Append(service).Order(), admitted.Order());
        }
    }

    [Theory, MemberData(nameof(Environments))]
    public async Task Should_reference_only_secrets_that_are_rendered_or_documented(string environment)
    {
        var overlay = await Overlay.RenderAsync(environment);
        foreach (var container in overlay.Containers())
        {
            foreach (var variable in container.Container["env"]?.AsArray() ?? [])
            {
                if (variable!["valueFrom"]?["secretKeyRef"] is not { } reference) continue;
                var name = reference["name"]!.GetValue<string>();
                var data = overlay.Data("Secret", name);
                if (data is null) Assert.True(ExternalSecrets().Contains(name), $"{container}: secret {name} is neither rendered nor listed in docs/operations.md");
                else if (reference["optional"]?.GetValue<string>() != "true") Assert.True(data.ContainsKey(reference["key"]!.GetValue<string>()), $"{container}: secret {name} has no key {reference["key"]}");
            }
        }
    }

    /// <summary>The environment a container gets: literal values, ConfigMaps and Secrets (with placeholders for secrets created outside the repository).</summary>
    public static Dictionary<string, string> EnvironmentOf(Overlay overlay, Workload container)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in container.Container["envFrom"]?.AsArray() ?? [])
        {
            var (kind, reference) = source!["configMapRef"] is { } map ? ("ConfigMap", map) : ("Secret", source["secretRef"]!);
            var data = overlay.Data(kind, reference["name"]!.GetValue<string>());
            // An optional secret created outside the repository: its keys are the operator's (docs/operations.md).
            if (data is null && reference["optional"]?.GetValue<string>() == "true" && ExternalSecrets().Contains(reference["name"]!.GetValue<string>())) continue;
            if (data is null) throw new InvalidOperationException($"{container}: envFrom names {kind} {reference["name"]}, which is not rendered, so its keys cannot be checked");
            foreach (var (key, value) in data) variables[key] = value;
        }
        foreach (var variable in container.Container["env"]?.AsArray() ?? [])
        {
            var name = variable!["name"]!.GetValue<string>();
            if (variable["value"] is { } value) variables[name] = value.GetValue<string>();
            else if (variable["valueFrom"]?["secretKeyRef"] is { } secret)
                variables[name] = overlay.Data("Secret", secret["name"]!.GetValue<string>())?.GetValueOrDefault(secret["key"]!.GetValue<string>()) ?? $"placeholder-for-{secret["key"]}";
            else if (variable["valueFrom"]?["configMapKeyRef"] is { } entry)
                variables[name] = overlay.Data("ConfigMap", entry["name"]!.GetValue<string>())![entry["key"]!.GetValue<string>()];
            else if (variable["valueFrom"]?["fieldRef"] is not null)
                variables[name] = $"{container.Owner.Name}-0";
            else throw new InvalidOperationException($"{container}: {name} has a source this test does not know");
        }
        return variables;
    }

    /// <summary>The image's name without registry and tag: what a Dockerfile's title label names.</summary>
    public static string AppOf(Workload container)
    {
        var image = container.Image;
        var name = image[(image.LastIndexOf('/') + 1)..];
        return name.Split(':')[0];
    }

    /// <summary>The secrets an operator creates before installing (docs/operations.md, "Secrets").</summary>
    private static HashSet<string> ExternalSecrets()
    {
        var docs = Repository.Read("docs/operations.md");
        return [.. Regex.Matches(docs, @"kubectl -n bpm create secret generic ([a-z0-9-]+)").Select(m => m.Groups[1].Value)];
    }

    /// <summary>The values of a list setting (<c>Name__0</c>, <c>Name__1</c>, ...), every one distinct.</summary>
    private static List<string> Numbered(Dictionary<string, string> environment, string name)
    {
        var values = environment.Where(e => Regex.IsMatch(e.Key, $"^{name}__\\d+$")).Select(e => e.Value).ToList();
        Assert.Equal(values.Count, values.Distinct().Count());
        return values;
    }

    /// <summary>The external task types (Camunda 7 topics, Camunda 8 task definition types) of the models the engine ships.</summary>
    private static List<string> ShippedTaskTypes() =>
        Directory.EnumerateFiles(Repository.PathOf("Engine/Bpm.Engine.Host/models"), "*.bpmn")
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"(?:camunda:topic|zeebe:taskDefinition type)=""([^""$={]+)""").Select(m => m.Groups[1].Value))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string TransportOf(Overlay overlay, string deployment) =>
        EnvironmentOf(overlay, overlay.Containers().Single(c => c.Owner.Kind == "Deployment" && c.Owner.Name == deployment))["Bpm__Worker__Transport"];

    private static bool Selects(JsonObject labels, JsonObject selector) =>
        selector.All(s => labels[s.Key]?.GetValue<string>() == s.Value!.GetValue<string>());
}
