using Recents.Api.Authentication;
using Recents.Api.ContentNegotiation;
using Recents.Api.RateLimiting;
using Recents.Api.RequestLimits;

namespace Recents.Api.IModelLists;

public static class UserListPipeline
{
    /// <summary>
    /// What every request on a user's recents or favorites goes through before its handler: the <c>itwin-platform</c>
    /// policy, the per-client rate limit, the Accept check (406), then the body read and discarded. Also the benchmark's
    /// ceiling endpoint, which must cost what these cost.
    /// </summary>
    public static RouteGroupBuilder WithUserListPipeline(this RouteGroupBuilder group) =>
        group
            .RequireAuthorization(AuthenticationSetup.RecentsPolicy)
            .RequireRateLimiting(RateLimitingSetup.PerClientPolicy)
            .AddEndpointFilter<AcceptHeaderFilter>()
            .AddEndpointFilter<ReadBodyFirstFilter>();
}
