using System.Security.Claims;
using Recents.Gatekeeper;

namespace Recents.Api.RateLimiting;

public static class ClientApplication
{
    /// <summary>Starts the id of a token that names no client application (<see cref="OfSubject"/>).</summary>
    public const string SubjectPrefix = "user-";

    /// <summary>
    /// The OAuth client application a token was issued to: <c>client_id</c>, else <c>azp</c>; a token with neither is
    /// its user's own client, <see cref="OfSubject"/> of its <c>sub</c>.
    /// </summary>
    public static string? IdOf(ClaimsPrincipal user) =>
        user.FindFirstValue("client_id") ?? user.FindFirstValue("azp") ?? (user.FindFirstValue("sub") is { } sub ? OfSubject(sub) : null);

    /// <summary>
    /// The client id of a token that names no client: <c>user-</c> and the <see cref="UserIds.Pseudonym"/> of its
    /// <c>sub</c>. The client id keys the rate-limit grain and tags the refusal metric and log, which must not name a user.
    /// </summary>
    public static string OfSubject(string sub) => SubjectPrefix + UserIds.Pseudonym(sub);
}
