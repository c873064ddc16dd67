using Recents.RateLimiting;

namespace Recents.Grains.RateLimiting;

/// <summary>
/// One client's request budget for the whole deployment, counted in fixed UTC minute and hour windows.
/// In memory only: if its silo fails, the counts of the current windows restart from zero on another silo
/// (the documented tolerance).
/// </summary>
[GrainType("clientratelimit")]
public sealed class ClientRateLimitGrain(TimeProvider time) : Grain, IClientRateLimitGrain
{
    private RequestWindows windows = RequestWindows.Empty;

    public Task<PermitLease> LeaseAsync(RequestBudget budget, int wanted)
    {
        (var lease, windows) = windows.Lease(time.GetUtcNow(), budget, wanted);
        return Task.FromResult(lease);
    }
}
