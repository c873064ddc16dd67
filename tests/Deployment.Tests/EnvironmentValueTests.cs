using Recents.Deployment.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Recents.Deployment.Tests;

/// <summary>An env value must be a YAML string: the API server refuses <c>value: 11111</c> or <c>value: true</c>.</summary>
public sealed class EnvironmentValueTests
{
    [Fact]
    public void EnvValues_EveryOne_IsAString()
    {
        var unquoted = Manifests.ObjectFiles
            .SelectMany(file => Manifests.Documents(file).SelectMany(document => EnvValues(document.RootNode))
                .Select(value => (file, value)))
            .Where(pair => YamlStrings.IsNotAString(pair.value))
            .Select(pair => $"{pair.file} line {pair.value.Start.Line}: {pair.value.Value}")
            .ToList();

        Assert.True(unquoted.Count == 0, "Quote these env values: " + string.Join("; ", unquoted));
    }

    [Fact]
    public void EnvValueCheck_OnTheManifests_SeesTheEnvValues() =>
        Assert.NotEmpty(Manifests.Documents("silo-deployment.yaml").SelectMany(document => EnvValues(document.RootNode)));

    private static IEnumerable<YamlScalarNode> EnvValues(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.SelectMany(pair =>
            pair.Key is YamlScalarNode { Value: "env" } && pair.Value is YamlSequenceNode variables
                ? variables.Children.OfType<YamlMappingNode>()
                    .SelectMany(variable => variable.Children)
                    .Where(entry => entry.Key is YamlScalarNode { Value: "value" })
                    .Select(entry => entry.Value).OfType<YamlScalarNode>()
                : EnvValues(pair.Value)),
        YamlSequenceNode sequence => sequence.Children.SelectMany(EnvValues),
        _ => [],
    };
}
