using System.Security.Claims;
using Recents.Gatekeeper;

namespace Recents.Api.Authentication;

public static class Caller
{
    /// <summary>
    /// The caller's user id (<c>sub</c>). Only authenticated requests reach the endpoints, and
    /// authentication rejects tokens without a valid <c>sub</c>, so it is always present there.
    /// </summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue("sub") is { } sub && UserIds.IsValid(sub)
            ? sub
            : throw new InvalidOperationException("An endpoint ran without an authenticated user.");
}
