using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Recents.Api.Errors;
using Recents.RateLimiting;

namespace Recents.Api.RateLimiting;

public static class RateLimitingSetup
{
    public const string PerClientPolicy = "per-client";

    /// <summary>
    /// ASP.NET Core rate limiting with one <see cref="LeasedPermitLimiter"/> per client application, whose
    /// budget is shared by every API process through the client's grain. Over budget: 429 in the envelope,
    /// with the Retry-After the grain computed.
    /// </summary>
    public static IServiceCollection AddPerClientRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new();
        options.Validate();

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerClientPolicy, context =>
            {
                var clientId = ClientApplication.IdOf(context.User);
                if (!options.Enabled || clientId is null)
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                return RateLimitPartition.Get(clientId, id =>
                {
                    var budget = options.BudgetOf(id);
                    var grains = context.RequestServices.GetRequiredService<IGrainFactory>();
                    var time = context.RequestServices.GetRequiredService<TimeProvider>();
                    return new LeasedPermitLimiter(grains.GetGrain<IClientRateLimitGrain>(id), budget, PermitsPerLease(budget, options), time);
                });
            });
            limiter.OnRejected = (context, _) => new ValueTask(RejectAsync(context.HttpContext, context.Lease));
        });
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// The largest batch a process may lease: a tenth of the minute's budget and a sixtieth of the hour's, at most
    /// the configured maximum, at least one.
    /// </summary>
    private static int PermitsPerLease(RequestBudget budget, RateLimitOptions options) =>
        Math.Max(1, Math.Min(options.MaxPermitsPerLease, Math.Min(budget.PerMinute / 10, budget.PerHour / 60)));

    private static Task RejectAsync(HttpContext context, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        // Whole seconds, rounded up: a request sent after that long falls in the next window and is admitted.
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.RequestServices.GetRequiredService<ILogger<LeasedPermitLimiter>>().LogDebug(
            "Client {ClientId} is over its request budget; answering 429 with Retry-After {RetryAfter}.",
            ClientApplication.IdOf(context.User), seconds);
        return ErrorResult.WriteAsync(context.Response, StatusCodes.Status429TooManyRequests, ApiErrors.RateLimitExceeded);
    }
}
