using System.Globalization;

namespace Recents.Api.Tests.Hostile;

/// <summary>
/// The seed of every generated corpus: fixed, so a failure reproduces; <c>RECENTS_HOSTILE_SEED</c> overrides it
/// (to explore, or to replay a seed a failure printed). Ids and user names carry a per-run suffix, which does not
/// change the shape of the corpus.
/// </summary>
public static class HostileSeed
{
    public const string VariableName = "RECENTS_HOSTILE_SEED";
    public const int Default = 20261128;

    public static int Value =>
        int.TryParse(Environment.GetEnvironmentVariable(VariableName), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Default;
}
