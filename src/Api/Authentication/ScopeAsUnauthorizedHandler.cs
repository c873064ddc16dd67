using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Recents.Api.Authentication;

/// <summary>
/// A valid token without the needed scope is an invalid token for this API (docs/api.md#authentication: 401, not 403),
/// so a forbidden result is answered as a 401.
/// </summary>
public sealed class ScopeAsUnauthorizedHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler defaultHandler = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        authorizeResult.Forbidden
            ? BearerChallenge.WriteAsync(context, BearerChallenge.MissingScopeReason)
            : defaultHandler.HandleAsync(next, context, policy, authorizeResult);
}
