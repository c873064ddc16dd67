using Recents.Api.Authentication;
using Recents.Api.ContentNegotiation;
using Recents.Api.OpenApi;
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

    /// <summary>
    /// The route group of one of the user's lists: the pipeline above, the OpenAPI tag, the <c>Accept</c> parameter, and
    /// the errors every operation of it may answer.
    /// </summary>
    public static RouteGroupBuilder MapUserListGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup(prefix)
            .WithUserListPipeline()
            .WithTags(tag)
            .WithAcceptHeader()
            .ProducesErrors(
                StatusCodes.Status401Unauthorized, StatusCodes.Status406NotAcceptable,
                StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable);
}
