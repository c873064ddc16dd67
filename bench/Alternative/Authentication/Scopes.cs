using System.Security.Claims;

namespace Recents.Bench.Alternative.Authentication;

public static class Scopes
{
    public const string ITwinPlatform = "itwin-platform";

    /// <summary>Whether the token grants <paramref name="scope"/>: in a space-separated <c>scope</c> claim, or in <c>scope</c>/<c>scp</c> array claims.</summary>
    public static bool Grants(ClaimsPrincipal user, string scope) =>
        user.Claims
            .Where(claim => claim.Type is "scope" or "scp")
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);
}
