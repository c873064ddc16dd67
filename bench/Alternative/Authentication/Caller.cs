using System.Security.Claims;
using Recents.Gatekeeper;

namespace Recents.Bench.Alternative.Authentication;

public static class Caller
{
    /// <summary>The caller's user id (<c>sub</c>); authentication refuses tokens without a valid one.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue("sub") is { } sub && UserIds.IsValid(sub)
            ? sub
            : throw new InvalidOperationException("An endpoint ran without an authenticated user.");
}
