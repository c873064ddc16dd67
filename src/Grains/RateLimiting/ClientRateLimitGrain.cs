using Recents.RateLimiting;

namespace Recents.Grains.RateLimiting;

/// <summary>
/// One client's request budget for the whole deployment, counted in fixed UTC minute and hour windows. In
/// memory only, kept active for longer than an hour so that idle collection does not forget a spent hour;
/// if its silo fails or is restarted, the counts of the current windows restart from zero on another silo
/// (the documented tolerance).
/// </summary>
[GrainType("clientratelimit")]
[CollectionAgeLimit(Minutes = 61)]
public sealed class ClientRateLimitGrain(TimeProvider time) : Grain, IClientRateLimitGrain
{
    private RequestWindows windows = RequestWindows.Empty;

    public Task<PermitLease> LeaseAsync(RequestBudget budget, int wanted, UnspentPermits? unspent)
    {
        (var lease, windows) = windows.Lease(time.GetUtcNow(), budget, wanted, unspent);
        return Task.FromResult(lease);
    }
}
