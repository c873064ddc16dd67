using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Recents.Deployment.Tests.Infrastructure;

/// <summary>
/// Where Kubernetes wants a string (env values, labels, annotations), the API server refuses a plain <c>11111</c> or
/// <c>true</c>; the client models would quietly turn them into strings, so this is checked on the YAML itself.
/// </summary>
internal static partial class YamlStrings
{
    public static bool IsNotAString(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && NotAString().IsMatch(scalar.Value ?? "");

    /// <summary>The values of every mapping found under one of <paramref name="keys"/>, anywhere below the node.</summary>
    public static IEnumerable<YamlScalarNode> MapValuesUnder(YamlNode node, IReadOnlySet<string> keys) => node switch
    {
        YamlMappingNode mapping => mapping.Children.SelectMany(pair =>
            pair.Key is YamlScalarNode { Value: { } key } && keys.Contains(key) && pair.Value is YamlMappingNode map
                ? map.Children.Values.OfType<YamlScalarNode>()
                : MapValuesUnder(pair.Value, keys)),
        YamlSequenceNode sequence => sequence.Children.SelectMany(child => MapValuesUnder(child, keys)),
        _ => [],
    };

    /// <summary>Plain scalars YAML (1.1, as Kubernetes reads it) takes for a number, a boolean or null.</summary>
    [GeneratedRegex(@"^([-+]?[0-9][0-9_]*(\.[0-9]*)?([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|(?i:true|false|yes|no|y|n|on|off|null)|~|)$")]
    private static partial Regex NotAString();
}
