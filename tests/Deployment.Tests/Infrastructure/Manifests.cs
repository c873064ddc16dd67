using k8s;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace Recents.Deployment.Tests.Infrastructure;

/// <summary>The Kubernetes manifests in <c>deploy/k8s</c>.</summary>
internal static class Manifests
{
    public const string KustomizationFile = "kustomization.yaml";
    public const string SiloDeploymentName = "recents-silo";
    public const string ApiDeploymentName = "recents-api";

    /// <summary>Every YAML file in the folder, by file name.</summary>
    public static IReadOnlyList<string> Files { get; } = System.IO.Directory.EnumerateFiles(Repository.KubernetesDirectory)
        .Select(path => Path.GetFileName(path))
        .Where(name => name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Files that kustomize does not apply: examples (the Secret) only.</summary>
    public static bool IsExample(string file) => file.Contains(".example.", StringComparison.Ordinal);

    /// <summary>The files holding Kubernetes objects: all but the kustomization.</summary>
    public static IEnumerable<string> ObjectFiles => Files.Where(file => file != KustomizationFile);

    public static string Text(string file) => File.ReadAllText(Path.Combine(Repository.KubernetesDirectory, file));

    /// <summary>The file's YAML documents; throws on a syntax error or a duplicate key.</summary>
    public static IReadOnlyList<YamlDocument> Documents(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Text(file)));
        return [.. stream.Documents];
    }

    /// <summary>
    /// The file's objects as the Kubernetes client's models, strictly: an unknown kind or apiVersion, a field the
    /// model does not have (misspelt, or at the wrong indentation) or a value of the wrong shape throws.
    /// </summary>
    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects(string file) =>
        KubernetesYaml.LoadAllFromString(Text(file), typeMap: null, strict: true)
            .Cast<IKubernetesObject<V1ObjectMeta>>()
            .ToList();

    /// <summary>The <c>resources</c> the kustomization lists.</summary>
    public static IReadOnlyList<string> KustomizationResources()
    {
        var root = (YamlMappingNode)Documents(KustomizationFile).Single().RootNode;
        return root.Children.TryGetValue(new YamlScalarNode("resources"), out var resources)
            ? ((YamlSequenceNode)resources).Children.Select(item => ((YamlScalarNode)item).Value ?? "").ToList()
            : [];
    }

    /// <summary>What <c>kubectl apply -k</c> applies: the objects of the listed files.</summary>
    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> Applied => KustomizationResources().SelectMany(Objects);

    public static V1Deployment Deployment(string name) =>
        Applied.OfType<V1Deployment>().SingleOrDefault(deployment => deployment.Metadata.Name == name)
        ?? throw new InvalidOperationException($"No Deployment {name} in {KustomizationFile}'s resources.");

    public static V1Deployment Silo => Deployment(SiloDeploymentName);

    public static V1Deployment Api => Deployment(ApiDeploymentName);

    public static V1Container OnlyContainer(this V1Deployment deployment) => deployment.Spec.Template.Spec.Containers.Single();

    /// <summary>A port given by number or by the name of one of the container's ports, as a number.</summary>
    public static int? Resolve(this V1Container container, IntOrString? port)
    {
        var value = port?.Value;
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, out var number)
            ? number
            : container.Ports?.SingleOrDefault(candidate => candidate.Name == value)?.ContainerPort;
    }

    /// <summary>Whether every label the selector asks for is on the pod.</summary>
    public static bool Selects(IDictionary<string, string>? selector, IDictionary<string, string>? podLabels) =>
        selector is { Count: > 0 }
        && selector.All(pair => podLabels is not null && podLabels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
