using System.Threading.RateLimiting;
using Recents.RateLimiting;

namespace Recents.Api.RateLimiting;

/// <summary>
/// The rate limiter of one client application in this API process. It spends permits leased from the
/// client's <see cref="IClientRateLimitGrain"/> and asks for more only when they run out, so most requests
/// never leave the process:
/// <list type="bullet">
/// <item>one lease call at a time: concurrent requests share it, and share its failure (a 503 each, at once);</item>
/// <item>a refusal is remembered until its Retry-After, so a flood is refused locally;</item>
/// <item>batches start at one permit and double while they run out before their minute ends, so sparse
/// traffic leases exactly what it spends; permits not spent are given back with the next lease (or when the
/// limiter is dropped), so they do not count against the hour;</item>
/// <item>deadlines are durations on this process's monotonic clock: the silo's clock need not agree.</item>
/// </list>
/// </summary>
public sealed class LeasedPermitLimiter(
    IClientRateLimitGrain budgetGrain, RequestBudget budget, int maxPermitsPerLease, TimeProvider time) : RateLimiter
{
    private readonly Lock gate = new();
    private int localPermits;
    private long validUntil;
    private DateTimeOffset leaseMinuteStart;
    private int batchSize = 1;
    private long refusedUntil;
    private Task? leasing;
    private long lastUsed = time.GetTimestamp();

    /// <summary>Never idle while a lease call is out or permits are still valid, so neither is dropped with the limiter.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
            {
                var now = time.GetTimestamp();
                return leasing is not null || (localPermits > 0 && now < validUntil) ? null : time.GetElapsedTime(lastUsed, now);
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = time.GetTimestamp() < validUntil ? localPermits : 0 };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);
        lock (gate)
        {
            return TryTakeLocked(permitCount) ?? PermitDenied.Later(RemainingRefusalLocked());
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);
        while (true)
        {
            Task pending;
            lock (gate)
            {
                if (TryTakeLocked(permitCount) is { } granted)
                {
                    return granted;
                }

                if (RemainingRefusalLocked() is { } retryAfter)
                {
                    return PermitDenied.Later(retryAfter);
                }

                pending = leasing ??= LeaseMoreAsync();
            }

            await pending.WaitAsync(cancellationToken);
        }
    }

    private RateLimitLease? TryTakeLocked(int permitCount)
    {
        lastUsed = time.GetTimestamp();
        if (localPermits < permitCount || lastUsed >= validUntil)
        {
            return null;
        }

        localPermits -= permitCount;
        return PermitGranted.Instance;
    }

    private TimeSpan? RemainingRefusalLocked()
    {
        var now = time.GetTimestamp();
        return now < refusedUntil ? time.GetElapsedTime(now, refusedUntil) : null;
    }

    private async Task LeaseMoreAsync()
    {
        // Return to the caller first: it publishes this task as the lease in flight under the lock, and the
        // finally below must clear it after that, even if the grain answers synchronously.
        await Task.Yield();
        UnspentPermits? unspent;
        long started;
        lock (gate)
        {
            started = time.GetTimestamp();
            var ranOutEarly = localPermits == 0 && started < validUntil;
            batchSize = ranOutEarly ? Math.Min(batchSize * 2, maxPermitsPerLease) : Math.Max(1, batchSize / 2);
            unspent = TakeUnspentLocked();
        }

        try
        {
            var lease = await budgetGrain.LeaseAsync(budget, batchSize, unspent);
            lock (gate)
            {
                localPermits = lease.Granted;
                leaseMinuteStart = lease.MinuteStart;
                validUntil = started + ToTimestampTicks(lease.ValidFor);
                refusedUntil = lease.Granted > 0 ? 0 : started + ToTimestampTicks(lease.RetryAfter);
            }
        }
        finally
        {
            lock (gate)
            {
                leasing = null;
            }
        }
    }

    private UnspentPermits? TakeUnspentLocked()
    {
        var unspent = localPermits > 0 ? new UnspentPermits(leaseMinuteStart, localPermits) : null;
        localPermits = 0;
        return unspent;
    }

    private long ToTimestampTicks(TimeSpan duration) => (long)(duration.TotalSeconds * time.TimestampFrequency);

    protected override void Dispose(bool disposing)
    {
        UnspentPermits? unspent;
        lock (gate)
        {
            unspent = TakeUnspentLocked();
        }

        if (unspent is not null)
        {
            // Dropped as idle: give the permits back to the hour; nobody waits for this call.
            _ = budgetGrain.LeaseAsync(budget, 0, unspent).ContinueWith(
                static task => _ = task.Exception, TaskContinuationOptions.OnlyOnFaulted);
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
        public static PermitDenied Later(TimeSpan? retryAfter) => new(retryAfter);

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
