using System.Security.Claims;

namespace Recents.Api.RateLimiting;

public static class ClientApplication
{
    /// <summary>The OAuth client application a token was issued to: <c>client_id</c>, else <c>azp</c>, else <c>sub</c>.</summary>
    public static string? IdOf(ClaimsPrincipal user) =>
        user.FindFirstValue("client_id") ?? user.FindFirstValue("azp") ?? user.FindFirstValue("sub");
}
