using Recents.Deployment.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Recents.Deployment.Tests;

/// <summary>Labels and annotations are string maps: the API server refuses <c>prometheus.io/scrape: true</c>.</summary>
public sealed class MetadataValueTests
{
    private static readonly IReadOnlySet<string> StringMaps = new HashSet<string>(StringComparer.Ordinal) { "labels", "annotations", "matchLabels" };

    [Fact]
    public void LabelAndAnnotationValues_EveryOne_IsAString()
    {
        var unquoted = Manifests.ObjectFiles
            .SelectMany(file => Values(file).Select(value => (file, value)))
            .Where(pair => YamlStrings.IsNotAString(pair.value))
            .Select(pair => $"{pair.file} line {pair.value.Start.Line}: {pair.value.Value}")
            .ToList();

        Assert.True(unquoted.Count == 0, "Quote these label or annotation values: " + string.Join("; ", unquoted));
    }

    [Fact]
    public void MetadataValueCheck_OnTheManifests_SeesTheAnnotations() =>
        Assert.Contains(Values("silo-deployment.yaml"), value => value.Value == "/metrics");

    private static IEnumerable<YamlScalarNode> Values(string file) =>
        Manifests.Documents(file).SelectMany(document => YamlStrings.MapValuesUnder(document.RootNode, StringMaps));
}
