using Recents.Deployment.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Recents.Deployment.Tests;

/// <summary><c>kubectl apply -k deploy/k8s</c> applies every manifest but the examples, and nothing else.</summary>
public sealed class KustomizationTests
{
    [Fact]
    public void Resources_ListEveryManifest_ButTheExamples()
    {
        var expected = Manifests.ObjectFiles.Where(file => !Manifests.IsExample(file)).ToHashSet();

        Assert.Equal(expected.Order(), Manifests.KustomizationResources().Order());
    }

    [Fact]
    public void Resources_ListedFiles_AllExist() =>
        Assert.All(Manifests.KustomizationResources(), resource =>
            Assert.True(File.Exists(Path.Combine(Repository.KubernetesDirectory, resource)), $"{resource} does not exist"));

    [Fact]
    public void Resources_Examples_AreNotListed() =>
        Assert.DoesNotContain(Manifests.KustomizationResources(), Manifests.IsExample);

    [Fact]
    public void KustomizationFile_Parsed_IsAKustomization()
    {
        var root = (YamlMappingNode)Manifests.Documents(Manifests.KustomizationFile).Single().RootNode;

        Assert.Equal("kustomize.config.k8s.io/v1beta1", ((YamlScalarNode)root["apiVersion"]).Value);
        Assert.Equal("Kustomization", ((YamlScalarNode)root["kind"]).Value);
    }
}
