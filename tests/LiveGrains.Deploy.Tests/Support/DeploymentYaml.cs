using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LiveGrains.Deploy.Tests.Support;

/// <summary>A service of <c>docker-compose.yml</c>, with its environment after YAML merge keys and <c>${VAR:-default}</c> defaults.</summary>
internal sealed record ComposeService(string Name, string? Image, IReadOnlyDictionary<string, string> Environment, YamlMappingNode Node);

/// <summary>A container of a Kubernetes workload; an environment value from a secret or the pod is null.</summary>
internal sealed record KubernetesContainer(string File, string Workload, string Image, IReadOnlyDictionary<string, string?> Environment,
    YamlMappingNode Node, YamlMappingNode PodMetadata);

/// <summary>Reads <c>docker-compose.yml</c> and <c>deploy/k8s/*.yaml</c>.</summary>
internal static partial class DeploymentYaml
{
    public const string ComposeFile = "docker-compose.yml";
    public const string KubernetesFolder = "deploy/k8s";

    public static IReadOnlyList<ComposeService> ComposeServices()
    {
        var root = (YamlMappingNode)Load(ComposeFile).Single().RootNode;
        return [.. ((YamlMappingNode)root["services"]).Children.Select(s =>
        {
            var node = (YamlMappingNode)s.Value;
            var environment = node.Child("environment") is YamlMappingNode env
                ? env.Children.ToDictionary(e => e.Key.Text(), e => WithDefaults(e.Value.Text()), StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            return new ComposeService(s.Key.Text(), node.Child("image")?.Text(), environment, node);
        })];
    }

    /// <summary>Every manifest file of the Kubernetes folder but the kustomization, as paths from the repository root.</summary>
    public static IReadOnlyList<string> KubernetesManifests() =>
        [.. Directory.GetFiles(Repository.PathOf(KubernetesFolder), "*.yaml").Select(Path.GetFileName).OfType<string>()
            .Where(f => f != "kustomization.yaml").Order(StringComparer.Ordinal).Select(f => $"{KubernetesFolder}/{f}")];

    public static IEnumerable<YamlMappingNode> KubernetesDocuments(string file) =>
        Load(file).Select(d => d.RootNode).OfType<YamlMappingNode>();

    public static IReadOnlyList<KubernetesContainer> KubernetesContainers() =>
    [
        .. from file in KubernetesManifests()
           from doc in KubernetesDocuments(file)
           let template = (doc.Child("spec") as YamlMappingNode)?.Child("template") as YamlMappingNode
           where template is not null
           let pod = (YamlMappingNode)template["spec"]
           from container in ((YamlSequenceNode)pod["containers"]).Children.Cast<YamlMappingNode>()
           select new KubernetesContainer(file, ((YamlMappingNode)doc["metadata"])["name"].Text(), container["image"].Text(),
               container.Child("env") is YamlSequenceNode env
                   ? env.Children.Cast<YamlMappingNode>().ToDictionary(e => e["name"].Text(), e => e.Child("value")?.Text(), StringComparer.Ordinal)
                   : new Dictionary<string, string?>(StringComparer.Ordinal),
               container, (YamlMappingNode)template["metadata"]),
    ];

    public static YamlNode? Child(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static string Text(this YamlNode node) => node is YamlScalarNode { Value: { } value }
        ? value
        : throw new InvalidDataException($"Expected a scalar at {node.Start}, found {node.NodeType}.");

    public static IEnumerable<string> Texts(this YamlNode node) => ((YamlSequenceNode)node).Children.Select(Text);

    private static IReadOnlyList<YamlDocument> Load(string file)
    {
        var stream = new YamlStream();
        // Merge keys ("<<: *anchor") as Compose applies them.
        stream.Load(new MergingParser(new Parser(new StringReader(Repository.Read(file)))));
        return [.. stream.Documents];
    }

    // "${NAME:-default}" as Compose resolves it with NAME unset.
    private static string WithDefaults(string value) => ComposeVariable().Replace(value, m => m.Groups["default"].Value);

    [GeneratedRegex(@"\$\{[A-Za-z_][A-Za-z0-9_]*(:-(?<default>[^}]*))?\}")]
    private static partial Regex ComposeVariable();
}
