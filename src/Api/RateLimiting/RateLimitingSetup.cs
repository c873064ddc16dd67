using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Recents.Api.RateLimiting;

public static class RateLimitingSetup
{
    public const string PerClientPolicy = "per-client";

    /// <summary>ASP.NET Core rate limiting with the per-client policy, whose budgets come from the <c>RateLimits</c> section.</summary>
    public static IServiceCollection AddPerClientRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy<string, PerClientRateLimitPolicy>(PerClientPolicy);
        });
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
