using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using Recents.Api.RateLimiting;
using Recents.RateLimiting;

namespace Recents.Unit.Tests.Api.RateLimiting;

/// <summary>The per-process limiter against a scripted budget grain and a clock the test moves.</summary>
public sealed class LeasedPermitLimiterTests
{
    private static readonly RequestBudget Budget = new(PerMinute: 100, PerHour: 1000);

    [Fact]
    public async Task ConcurrentRequests_WaitingForPermits_NeverMakeConcurrentLeaseCalls()
    {
        var grain = new ScriptedBudgetGrain { Delay = TimeSpan.FromMilliseconds(200) };
        using var limiter = new LeasedPermitLimiter(grain, Budget, maxPermitsPerLease: 1, new FakeTimeProvider());

        var leases = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => limiter.AcquireAsync().AsTask()));

        // Batches of one: each lease call admits one request; the other waiters wait for it instead of calling too.
        Assert.All(leases, lease => Assert.True(lease.IsAcquired));
        Assert.Equal(10, grain.Calls);
        Assert.Equal(1, grain.MostConcurrentCalls);
    }

    [Fact]
    public async Task LeaseCall_Failing_FailsEveryWaitingRequestAtOnce()
    {
        var grain = new ScriptedBudgetGrain { Delay = TimeSpan.FromMilliseconds(300), Failure = new TimeoutException("cluster down") };
        using var limiter = new LeasedPermitLimiter(grain, Budget, maxPermitsPerLease: 1, new FakeTimeProvider());
        var started = System.Diagnostics.Stopwatch.StartNew();

        var waiters = Enumerable.Range(0, 5).Select(_ => limiter.AcquireAsync().AsTask()).ToList();
        foreach (var waiter in waiters)
        {
            await Assert.ThrowsAsync<TimeoutException>(() => waiter);
        }

        Assert.Equal(1, grain.Calls);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(1.2), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task Refusal_UntilItsRetryAfter_IsRemembered()
    {
        var clock = new FakeTimeProvider();
        var grain = new ScriptedBudgetGrain { Refuse = TimeSpan.FromSeconds(30) };
        using var limiter = new LeasedPermitLimiter(grain, Budget, maxPermitsPerLease: 5, clock);

        using var first = await limiter.AcquireAsync();
        clock.Advance(TimeSpan.FromSeconds(10));
        using var second = await limiter.AcquireAsync();

        Assert.False(first.IsAcquired);
        Assert.False(second.IsAcquired);
        Assert.Equal(1, grain.Calls);
        Assert.True(second.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(20), retryAfter);

        grain.Refuse = null;
        clock.Advance(TimeSpan.FromSeconds(20));
        using var third = await limiter.AcquireAsync();
        Assert.True(third.IsAcquired);
    }

    [Fact]
    public async Task PermitsLeftWhenTheirMinuteEnds_NextLease_GivesThemBack()
    {
        var clock = new FakeTimeProvider();
        var grain = new ScriptedBudgetGrain { ValidFor = TimeSpan.FromSeconds(30) };
        using var limiter = new LeasedPermitLimiter(grain, Budget, maxPermitsPerLease: 8, clock);

        for (var i = 0; i < 4; i++)
        {
            using var lease = await limiter.AcquireAsync(); // batches 1, 2, then 4: 3 of the last left over
        }

        clock.Advance(TimeSpan.FromSeconds(31));
        using var afterTheMinute = await limiter.AcquireAsync();

        Assert.Equal(3, grain.LastUnspent?.Count);
    }

    [Fact]
    public async Task IdleDuration_WhileValidPermitsAreHeld_IsNull()
    {
        var clock = new FakeTimeProvider();
        var grain = new ScriptedBudgetGrain { ValidFor = TimeSpan.FromSeconds(30) };
        using var limiter = new LeasedPermitLimiter(grain, Budget, maxPermitsPerLease: 8, clock);
        using (await limiter.AcquireAsync())
        {
        }

        using (await limiter.AcquireAsync())
        {
        }

        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Null(limiter.IdleDuration);

        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.FromSeconds(40), limiter.IdleDuration);
    }

    /// <summary>A budget grain that grants what is asked (or refuses, or fails) after a delay, counting calls.</summary>
    private sealed class ScriptedBudgetGrain : IClientRateLimitGrain
    {
        private int inFlight;

        public TimeSpan Delay { get; init; }

        public Exception? Failure { get; init; }

        public TimeSpan? Refuse { get; set; }

        public TimeSpan ValidFor { get; init; } = TimeSpan.FromSeconds(60);

        public int Calls { get; private set; }

        public int MostConcurrentCalls { get; private set; }

        public UnspentPermits? LastUnspent { get; private set; }

        public async Task<PermitLease> LeaseAsync(RequestBudget budget, int wanted, UnspentPermits? unspent)
        {
            Calls++;
            LastUnspent = unspent ?? LastUnspent;
            MostConcurrentCalls = Math.Max(MostConcurrentCalls, Interlocked.Increment(ref inFlight));
            try
            {
                await Task.Delay(Delay);
                if (Failure is not null)
                {
                    throw Failure;
                }

                return Refuse is { } retryAfter
                    ? new PermitLease(0, DateTimeOffset.UnixEpoch, ValidFor, retryAfter)
                    : new PermitLease(wanted, DateTimeOffset.UnixEpoch, ValidFor, TimeSpan.Zero);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }
    }
}
