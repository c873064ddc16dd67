using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Recents.Bench.Alternative.Errors;
using Recents.Gatekeeper;

namespace Recents.Bench.Alternative.Authentication;

/// <summary>
/// The same JwtBearer setup as the Orleans service's API (src/Api/Authentication/AuthenticationSetup.cs): settings
/// from <c>Authentication:Schemes:Bearer</c> (bound by JwtBearer itself), claims kept as they are in the token, a
/// <c>sub</c> that must be a valid user id, and the <c>itwin-platform</c> scope; every refusal is a 401 with a JSON body.
/// </summary>
public static class BearerSetup
{
    public const string RecentsPolicy = "recents";

    public static IServiceCollection AddBearerAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = "sub";
            options.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    if (!UserIds.IsValid(context.Principal?.FindFirst("sub")?.Value))
                    {
                        context.Fail("The token's 'sub' claim is missing or not a valid user id.");
                    }

                    return Task.CompletedTask;
                },
                OnChallenge = context =>
                {
                    context.HandleResponse();
                    return Unauthorized.WriteAsync(context.HttpContext);
                },
            };
        });

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ScopeAsUnauthorizedHandler>();
        services.AddAuthorizationBuilder().AddPolicy(RecentsPolicy, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => Scopes.Grants(context.User, Scopes.ITwinPlatform)));
        return services;
    }
}
