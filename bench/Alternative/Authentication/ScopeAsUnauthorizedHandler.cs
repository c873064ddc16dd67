using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Recents.Bench.Alternative.Errors;

namespace Recents.Bench.Alternative.Authentication;

/// <summary>A valid token without the scope is an invalid token for this API (docs/api.md#authentication): 401, not 403.</summary>
public sealed class ScopeAsUnauthorizedHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler defaultHandler = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        authorizeResult.Forbidden
            ? Unauthorized.WriteAsync(context)
            : defaultHandler.HandleAsync(next, context, policy, authorizeResult);
}
