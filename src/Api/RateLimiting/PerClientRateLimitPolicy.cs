using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Recents.Api.Errors;
using Recents.Api.Telemetry;
using Recents.RateLimiting;

namespace Recents.Api.RateLimiting;

/// <summary>
/// One <see cref="LeasedPermitLimiter"/> per client application, whose budget is shared by every API process through
/// the client's grain. Over budget: 429 in the envelope, with the Retry-After the grain computed
/// (docs/api.md#rate-limits).
/// </summary>
public sealed class PerClientRateLimitPolicy(
    IOptions<RateLimitOptions> options,
    IGrainFactory grains,
    TimeProvider time,
    ApiMetrics metrics,
    ILogger<PerClientRateLimitPolicy> logger)
    : IRateLimiterPolicy<string>
{
    private readonly RateLimitOptions settings = options.Value;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected =>
        (context, _) => new ValueTask(RejectAsync(context.HttpContext, context.Lease));

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var clientId = ClientApplication.IdOf(httpContext.User);
        if (!settings.Enabled || clientId is null)
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        return RateLimitPartition.Get(clientId, id =>
        {
            var budget = settings.BudgetOf(id);
            return new LeasedPermitLimiter(grains.GetGrain<IClientRateLimitGrain>(id), budget, PermitsPerLease(budget), time);
        });
    }

    /// <summary>
    /// The largest batch a process may lease: a tenth of the minute's budget and a sixtieth of the hour's, at most
    /// the configured maximum, at least one.
    /// </summary>
    private int PermitsPerLease(RequestBudget budget) =>
        Math.Max(1, Math.Min(settings.MaxPermitsPerLease, Math.Min(budget.PerMinute / 10, budget.PerHour / 60)));

    private Task RejectAsync(HttpContext context, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        // Whole seconds, rounded up: a request sent after that long falls in the next window and is admitted.
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var clientId = ClientApplication.IdOf(context.User);
        metrics.RateLimitRefused(clientId);
        logger.LogDebug("Client {ClientId} is over its request budget; answering 429 with Retry-After {RetryAfter}.", clientId, seconds);
        return ErrorResult.WriteAsync(context.Response, StatusCodes.Status429TooManyRequests, ApiErrors.RateLimitExceeded);
    }
}
