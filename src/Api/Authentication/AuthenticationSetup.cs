using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Recents.Api.Errors;
using Recents.Gatekeeper;

namespace Recents.Api.Authentication;

public static class AuthenticationSetup
{
    public const string RecentsPolicy = "recents";
    public const string AdminPolicy = "recents-admin";

    /// <summary>
    /// JwtBearer reads its settings from <c>Authentication:Schemes:Bearer</c>: an OIDC <c>Authority</c>
    /// with <c>ValidAudiences</c> in production, or the issuer, audiences and signing keys that
    /// <c>dotnet user-jwts</c> writes in Development.
    /// </summary>
    public static IServiceCollection AddBearerAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            // Keep "sub" and "scope" as they are in the token instead of mapping them to long URIs.
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = "sub";
            options.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    if (!UserIds.IsValid(context.Principal?.FindFirst("sub")?.Value))
                    {
                        context.Fail(new InvalidSubjectException());
                    }

                    return Task.CompletedTask;
                },
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    if (context.AuthenticateFailure is not null
                        && await IdentityProvider.IsUnreachableAsync(context.Options, context.HttpContext.RequestAborted))
                    {
                        // The token may be fine: the keys to check it could not be fetched. Say "retry", not "invalid".
                        await context.HttpContext.RequestServices.GetRequiredService<ServiceUnavailableResponse>().WriteAsync(context.HttpContext);
                        return;
                    }

                    var reason = context.Request.Headers.Authorization.Count == 0
                        ? null
                        : BearerChallenge.DescribeFailure(context.AuthenticateFailure);
                    await BearerChallenge.WriteAsync(context.HttpContext, reason);
                },
            };
        });

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ScopeAsUnauthorizedHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(RecentsPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => Scopes.Grants(context.User, Scopes.ITwinPlatform)))
            .AddPolicy(AdminPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => Scopes.Grants(context.User, Scopes.RecentsAdmin)));
        return services;
    }
}
