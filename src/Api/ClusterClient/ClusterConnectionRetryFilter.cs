namespace Recents.Api.ClusterClient;

/// <summary>
/// Keeps trying to reach the cluster at start-up until the host stops, instead of giving up after a few
/// minutes: silos may start after the API, or take a while to replace a crashed one.
/// </summary>
public sealed class ClusterConnectionRetryFilter(ILogger<ClusterConnectionRetryFilter> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);
    private int attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        attempts++;
        logger.LogWarning("Cannot reach the silo cluster yet (attempt {Attempt}): {Reason}", attempts, exception.Message);
        await Task.Delay(Delay, cancellationToken);
        return true;
    }
}
