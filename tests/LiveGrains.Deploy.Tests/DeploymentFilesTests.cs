using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiveGrains.Deploy.Tests.Support;
using LiveGrains.Grains.Hosting;
using LiveGrains.Silo.Hosting;
using LiveGrains.Simulation;
using LiveGrains.Storage.Hosting;
using LiveGrains.Web.Hosting;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace LiveGrains.Deploy.Tests;

/// <summary>
/// The deployment files (<c>docker-compose.yml</c>, <c>deploy/*.Dockerfile</c>, <c>deploy/k8s</c>) checked against the code
/// they deploy. These machines have no container engine; what can drift without one is checked here.
/// </summary>
public sealed class DeploymentFilesTests
{
    private const string SiloImage = "deploy/silo.Dockerfile";
    private const string WebImage = "deploy/web.Dockerfile";
    private const string ClusterIdVariable = "LiveGrains__Cluster__ClusterId";
    private const string ServiceIdVariable = "LiveGrains__Cluster__ServiceId";
    private static readonly string[] Probes = ["/healthz", "/readyz"];

    [Fact]
    public void Every_LiveGrains_setting_the_deployment_files_set_binds_to_a_setting_of_that_name_and_type()
    {
        var sections = SettingsSections();
        var settings = AllLiveGrainsVariables().ToList();
        settings.Count.ShouldBeGreaterThan(20);

        foreach (var (where, name, value) in settings)
        {
            var key = name.Replace("__", ":", StringComparison.Ordinal);
            if (key == WebHostingExtensions.ModeKey)
            {
                Enum.TryParse<LiveGrainsMode>(value, ignoreCase: true, out _).ShouldBeTrue($"{where}: {name}={value} is no mode");
                continue;
            }
            var section = key[..key.LastIndexOf(':')];
            sections.ShouldContainKey(section, $"{where}: {name} is in no settings section the hosts read");
            // A value from a secret or the pod is a string where we set it; "x" stands for it.
            var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value ?? "x")]).Build();
            Should.NotThrow(() => configuration.GetSection(section).Get(sections[section], o => o.ErrorOnUnknownConfiguration = true),
                $"{where}: {name}={value} does not bind to {sections[section].Name}");
        }
    }

    [Theory]
    [InlineData("LiveGrains.Web")]
    [InlineData("LiveGrains.Silo")]
    public void A_host_runs_server_GC_without_dynamic_adaptation_and_no_deployment_file_changes_its_GC(string host)
    {
        // The project files set it (see their comment); the published runtimeconfig is what a container runs with.
        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, $"{host}.runtimeconfig.json")));
        var properties = runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        (properties.TryGetProperty("System.GC.Server", out var server) && server.GetBoolean()).ShouldBeTrue($"{host} runs workstation GC");
        (properties.TryGetProperty("System.GC.DynamicAdaptationMode", out var mode) && mode.GetInt32() == 0)
            .ShouldBeTrue($"{host} runs server GC with its dynamic adaptation (DATAS)");

        // An environment variable would win over the runtimeconfig.
        AllVariables().Where(v => v.Name.StartsWith("DOTNET_GC", StringComparison.OrdinalIgnoreCase))
            .Select(v => $"{v.Where}: {v.Name}").ShouldBeEmpty();
    }

    [Fact]
    public void Every_process_of_a_deployment_names_the_same_cluster_and_service()
    {
        var composeIds = ComposeOurServices().Select(s => (Where: $"compose {s.Name}", Cluster: s.Environment.GetValueOrDefault(ClusterIdVariable),
            Service: s.Environment.GetValueOrDefault(ServiceIdVariable))).ToList();
        var kubernetesIds = OurContainers().Select(c => (Where: $"{c.File} {c.Workload}", Cluster: c.Environment.GetValueOrDefault(ClusterIdVariable),
            Service: c.Environment.GetValueOrDefault(ServiceIdVariable))).ToList();

        // The schema service and the migration job run backfills that read grain state by service id: they count too.
        composeIds.Select(i => i.Where).ShouldBe(["compose schema", "compose silo1", "compose silo2", "compose web"]);
        kubernetesIds.Select(i => i.Where).ShouldBe(["deploy/k8s/migrate-job.yaml livegrains-migrate", "deploy/k8s/silo-deployment.yaml livegrains-silo",
            "deploy/k8s/web.yaml livegrains-web"]);
        foreach (var ids in new[] { composeIds, kubernetesIds })
        {
            foreach (var (where, cluster, service) in ids)
            {
                cluster.ShouldNotBeNullOrWhiteSpace($"{where} sets no {ClusterIdVariable}");
                service.ShouldNotBeNullOrWhiteSpace($"{where} sets no {ServiceIdVariable}");
            }
            ids.Select(i => (i.Cluster, i.Service)).Distinct().Count().ShouldBe(1, string.Join(", ", ids));
        }

        // Orleans' Kubernetes hosting reads the ids from the pod's labels and its own variables.
        var silo = OurContainers().Single(c => c.Workload == "livegrains-silo");
        var labels = (YamlMappingNode)silo.PodMetadata["labels"];
        labels["orleans/clusterId"].Text().ShouldBe(silo.Environment[ClusterIdVariable]);
        labels["orleans/serviceId"].Text().ShouldBe(silo.Environment[ServiceIdVariable]);
        silo.Environment["ORLEANS_CLUSTER_ID"].ShouldBe(silo.Environment[ClusterIdVariable]);
        silo.Environment["ORLEANS_SERVICE_ID"].ShouldBe(silo.Environment[ServiceIdVariable]);
    }

    [Fact]
    public void The_silo_image_exposes_the_ports_it_configures_and_compose_and_Kubernetes_use_them()
    {
        var image = Dockerfile.Load(SiloImage).Final;
        var env = image.Environment;
        var defaults = new ClusterSettings();
        int Port(string name, int fallback) => env.TryGetValue($"LiveGrains__Cluster__{name}", out var v) ? int.Parse(v) : fallback;
        var (silo, gateway, health) = (Port("SiloPort", defaults.SiloPort), Port("GatewayPort", defaults.GatewayPort), Port("HealthPort", defaults.HealthPort));

        image.Exposed.ShouldBe(new HashSet<int> { silo, gateway, health }, ignoreOrder: true);
        var container = OurContainers().Single(c => c.Workload == "livegrains-silo");
        ContainerPorts(container).ShouldBe(new Dictionary<string, int> { ["silo"] = silo, ["gateway"] = gateway, ["probes"] = health });
        foreach (var service in ComposeOurServices().Where(s => s.Name.StartsWith("silo", StringComparison.Ordinal)))
        {
            ComposeHealthCheck(service).ShouldContain($"/dev/tcp/127.0.0.1/{health}", customMessage: $"compose {service.Name} probes another port");
            ComposeHealthCheck(service).ShouldContain("GET /readyz ");
        }
    }

    [Fact]
    public void The_web_image_serves_on_the_port_compose_publishes_and_Kubernetes_probes()
    {
        // The ASP.NET Core images listen on ASPNETCORE_HTTP_PORTS, 8080 unless set.
        var image = Dockerfile.Load(WebImage).Final;
        var port = image.Environment.TryGetValue("ASPNETCORE_HTTP_PORTS", out var set) ? int.Parse(set) : 8080;

        image.Exposed.ShouldBe(new HashSet<int> { port });
        var web = ComposeOurServices().Single(s => s.Name == "web");
        web.Node["ports"].Texts().ShouldBe([$"{port}:{port}"]);
        ComposeHealthCheck(web).ShouldContain($"/dev/tcp/127.0.0.1/{port}");
        ContainerPorts(OurContainers().Single(c => c.Workload == "livegrains-web")).ShouldBe(new Dictionary<string, int> { ["http"] = port });
    }

    [Fact]
    public void Prometheus_scrapes_each_pod_on_the_port_that_serves_its_metrics()
    {
        // Both hosts map /metrics next to their probes: the silo on its probe port, the web process on its HTTP port.
        foreach (var (workload, port) in new[] { ("livegrains-silo", "probes"), ("livegrains-web", "http") })
        {
            var container = OurContainers().Single(c => c.Workload == workload);
            var annotations = (YamlMappingNode)container.PodMetadata["annotations"];
            annotations["prometheus.io/scrape"].Text().ShouldBe("true", customMessage: workload);
            annotations["prometheus.io/path"].Text().ShouldBe("/metrics", customMessage: workload);
            int.Parse(annotations["prometheus.io/port"].Text()).ShouldBe(ContainerPorts(container)[port], customMessage: workload);
        }
    }

    [Fact]
    public void Every_Kubernetes_probe_asks_a_path_the_hosts_serve_on_a_port_the_container_declares()
    {
        var probes = 0;
        foreach (var container in OurContainers())
        {
            var ports = ContainerPorts(container);
            foreach (var kind in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
            {
                if (container.Node.Child(kind)?.Child("httpGet") is not YamlMappingNode get) continue;
                probes++;
                get["path"].Text().ShouldBeOneOf(Probes);
                ports.ShouldContainKey(get["port"].Text(), $"{container.Workload} {kind} names a port it does not declare");
            }
        }
        probes.ShouldBe(6);
    }

    [Fact]
    public void The_migration_job_and_the_compose_schema_service_run_the_silo_with_migrate_only()
    {
        var job = OurContainers().Single(c => c.Workload == "livegrains-migrate");
        job.Image.ShouldStartWith("livegrains-silo");
        job.Node["args"].Texts().ShouldBe([SiloCommandLine.MigrateOnly]);

        var schema = ComposeOurServices().Single(s => s.Name == "schema");
        schema.Image.ShouldStartWith("livegrains-silo");
        schema.Node["command"].Texts().ShouldBe([SiloCommandLine.MigrateOnly]);
        foreach (var silo in ComposeOurServices().Where(s => s.Name.StartsWith("silo", StringComparison.Ordinal)))
        {
            silo.Node["depends_on"]["schema"]["condition"].Text().ShouldBe("service_completed_successfully");
        }
    }

    [Fact]
    public void The_kustomization_applies_every_manifest_of_the_folder_and_no_other()
    {
        var kustomization = DeploymentYaml.KubernetesDocuments($"{DeploymentYaml.KubernetesFolder}/kustomization.yaml").Single();

        kustomization["resources"].Texts().Select(r => $"{DeploymentYaml.KubernetesFolder}/{r}").Order(StringComparer.Ordinal)
            .ShouldBe(DeploymentYaml.KubernetesManifests());
        kustomization["images"].AllNodes.OfType<YamlMappingNode>().Select(i => i["name"].Text()).Order(StringComparer.Ordinal)
            .ShouldBe(OurContainers().Select(c => c.Image.Split(':')[0]).Distinct().Order(StringComparer.Ordinal));
    }

    // Section name -> settings type, from the types' own Section constants.
    private static Dictionary<string, Type> SettingsSections() =>
        new[] { typeof(ClusterSettings), typeof(WebHostingExtensions), typeof(LiveGrainsOptions), typeof(SimulationOptions) }
            .Select(t => t.Assembly).Distinct()
            .SelectMany(a => a.GetExportedTypes())
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.GetRawConstantValue() is string s && s.StartsWith("LiveGrains:", StringComparison.Ordinal))
            .ToDictionary(x => (string)x.Field!.GetRawConstantValue()!, x => x.Type, StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<(string Where, string Name, string? Value)> AllLiveGrainsVariables() =>
        AllVariables().Where(v => v.Name.StartsWith("LiveGrains__", StringComparison.Ordinal));

    private static IEnumerable<(string Where, string Name, string? Value)> AllVariables()
    {
        var compose = ComposeOurServices().SelectMany(s => s.Environment.Select(e => ($"compose {s.Name}", e.Key, (string?)e.Value)));
        var kubernetes = OurContainers().SelectMany(c => c.Environment.Select(e => ($"{c.File} {c.Workload}", e.Key, e.Value)));
        var images = new[] { SiloImage, WebImage }.SelectMany(f => Dockerfile.Load(f).Stages.SelectMany(s => s.Environment.Select(e => (f, e.Key, (string?)e.Value))));
        return compose.Concat(kubernetes).Concat(images);
    }

    private static IEnumerable<ComposeService> ComposeOurServices() =>
        DeploymentYaml.ComposeServices().Where(s => s.Image?.StartsWith("livegrains-", StringComparison.Ordinal) == true);

    private static IEnumerable<KubernetesContainer> OurContainers() =>
        DeploymentYaml.KubernetesContainers().Where(c => c.Image.StartsWith("livegrains-", StringComparison.Ordinal));

    private static Dictionary<string, int> ContainerPorts(KubernetesContainer container) =>
        (container.Node.Child("ports")?.AllNodes ?? []).OfType<YamlMappingNode>().ToDictionary(p => p["name"].Text(), p => int.Parse(p["containerPort"].Text()));

    private static string ComposeHealthCheck(ComposeService service) => string.Join(' ', service.Node["healthcheck"]["test"].Texts());
}
