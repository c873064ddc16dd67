using System.Text.RegularExpressions;
using Recents.Deployment.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Recents.Deployment.Tests;

/// <summary>Every manifest is YAML, and every object in it is one Kubernetes knows, spelt as its model is.</summary>
public sealed partial class ManifestSyntaxTests
{
    public static TheoryData<string> AllFiles => [.. Manifests.Files];

    public static TheoryData<string> ObjectFiles => [.. Manifests.ObjectFiles];

    [Fact]
    public void ManifestFolder_Files_IncludeManifests() => Assert.Contains(Manifests.KustomizationFile, Manifests.Files);

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Documents_EveryOne_ParsesAsAYamlMapping(string file)
    {
        var documents = Manifests.Documents(file);

        Assert.NotEmpty(documents);
        Assert.All(documents, document => Assert.IsType<YamlMappingNode>(document.RootNode));
    }

    [Theory]
    [MemberData(nameof(ObjectFiles))]
    public void Objects_EveryOne_HasApiVersionKindAndName(string file)
    {
        // Strict: an unknown kind or apiVersion, or a field its model does not have, throws here.
        var objects = Manifests.Objects(file);

        Assert.Equal(Manifests.Documents(file).Count, objects.Count);
        Assert.All(objects, kubernetesObject =>
        {
            Assert.False(string.IsNullOrEmpty(kubernetesObject.ApiVersion), $"{file}: apiVersion");
            Assert.False(string.IsNullOrEmpty(kubernetesObject.Kind), $"{file}: kind");
            Assert.Matches(DnsLabel(), kubernetesObject.Metadata?.Name ?? "");
        });
    }

    /// <summary>The rule for the names of Deployments, Services, Secrets and budgets (RFC 1123 label).</summary>
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
