using System.Threading.RateLimiting;
using Recents.RateLimiting;

namespace Recents.Api.RateLimiting;

/// <summary>
/// The rate limiter of one client application in this API process: it spends permits leased from the
/// client's <see cref="IClientRateLimitGrain"/>, and asks the grain for another batch only when they run out,
/// so most requests never leave the process. A rejection carries the grain's Retry-After.
/// </summary>
public sealed class LeasedPermitLimiter(
    IClientRateLimitGrain budgetGrain, RequestBudget budget, int permitsPerLease, TimeProvider time) : RateLimiter
{
    private readonly SemaphoreSlim leasing = new(1, 1);
    private readonly Lock gate = new();
    private int localPermits;
    private DateTimeOffset validUntil = DateTimeOffset.MinValue;
    private long lastUsedTimestamp = time.GetTimestamp();

    public override TimeSpan? IdleDuration => time.GetElapsedTime(Interlocked.Read(ref lastUsedTimestamp));

    public override RateLimiterStatistics? GetStatistics() => new() { CurrentAvailablePermits = localPermits };

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        TryTakeLocal() ? PermitGranted.Instance : PermitDenied.WithoutRetryAfter;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (TryTakeLocal())
        {
            return PermitGranted.Instance;
        }

        // One lease call at a time per client: concurrent requests wait for its batch instead of each asking.
        await leasing.WaitAsync(cancellationToken);
        try
        {
            if (TryTakeLocal())
            {
                return PermitGranted.Instance;
            }

            var lease = await budgetGrain.LeaseAsync(budget, permitsPerLease);
            if (lease.Granted == 0)
            {
                return new PermitDenied(lease.RetryAfter);
            }

            lock (gate)
            {
                localPermits = lease.Granted - 1;
                validUntil = lease.ValidUntil;
            }

            return PermitGranted.Instance;
        }
        finally
        {
            leasing.Release();
        }
    }

    private bool TryTakeLocal()
    {
        Interlocked.Exchange(ref lastUsedTimestamp, time.GetTimestamp());
        lock (gate)
        {
            // Permits count against the minute they were leased in; spending them later would overspend the next.
            if (localPermits > 0 && time.GetUtcNow() < validUntil)
            {
                localPermits--;
                return true;
            }

            return false;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            leasing.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class PermitGranted : RateLimitLease
    {
        public static readonly PermitGranted Instance = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    private sealed class PermitDenied(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly PermitDenied WithoutRetryAfter = new(null);

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
