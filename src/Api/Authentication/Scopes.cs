using System.Security.Claims;

namespace Recents.Api.Authentication;

public static class Scopes
{
    /// <summary>Grants the recents operations (<c>/imodels/...</c>).</summary>
    public const string ITwinPlatform = "itwin-platform";

    /// <summary>Grants the directory administration endpoints (<c>/admin/...</c>).</summary>
    public const string RecentsAdmin = "recents-admin";

    /// <summary>
    /// Whether the token grants <paramref name="scope"/>: in a space-separated <c>scope</c> claim, or in
    /// <c>scope</c>/<c>scp</c> claims that came from JSON arrays (one claim per element).
    /// </summary>
    public static bool Grants(ClaimsPrincipal user, string scope) =>
        user.Claims
            .Where(claim => claim.Type is "scope" or "scp")
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);
}
