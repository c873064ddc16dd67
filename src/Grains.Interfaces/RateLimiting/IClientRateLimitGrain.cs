namespace Recents.RateLimiting;

/// <summary>
/// The request budget of one client application (keyed by its client id) for the whole deployment. API
/// processes lease permits from it in small batches and spend them locally, so the per-request path does
/// not call the cluster, and all processes together never admit more than the budget.
/// </summary>
[Alias("recents.IClientRateLimitGrain")]
public interface IClientRateLimitGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes back <paramref name="unspent"/> permits of an earlier lease (they count no longer), then grants up
    /// to <paramref name="wanted"/> permits from what is left of the current minute and hour.
    /// </summary>
    [Alias("Lease")]
    Task<PermitLease> LeaseAsync(RequestBudget budget, int wanted, UnspentPermits? unspent);
}
