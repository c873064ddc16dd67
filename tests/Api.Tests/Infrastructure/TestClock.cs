using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Recents.Api.Tests.Infrastructure;

/// <summary>
/// One <see cref="FakeTimeProvider"/> for a silo and its APIs. The rate-limit grain and the API's limiters take the
/// host's <see cref="TimeProvider"/>, so budget windows and leases move only when a test moves this clock; it stands
/// still otherwise, so no window ends during a test by itself. Orleans' own clocks (membership, messaging, system
/// timers, activation collection, grain directory, grain timers) stay real: a frozen or jumping clock there would
/// stall or expire the cluster's own work.
/// </summary>
public sealed class TestClock
{
    private static readonly string[] OrleansClocks =
    [
        TimeProviderNames.Grains,
        TimeProviderNames.Messaging,
        TimeProviderNames.SystemTimers,
        TimeProviderNames.Membership,
        TimeProviderNames.ActivationManagement,
        TimeProviderNames.GrainDirectory,
    ];

    /// <summary>An instant well inside a minute and an hour, so that a test sees where it stands only if it moves there.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 17, 42, TimeSpan.Zero));

    /// <summary>Makes this clock the host's <see cref="TimeProvider"/>, Orleans' areas excepted; call it after the host's own setup.</summary>
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Time);
        foreach (var area in OrleansClocks)
        {
            services.AddKeyedSingleton(area, TimeProvider.System);
        }
    }

    /// <summary>Moves to <paramref name="intoTheMinute"/> past the next full UTC minute.</summary>
    public void AdvanceToNextMinute(TimeSpan intoTheMinute = default) => AdvanceToNext(TimeSpan.FromMinutes(1), intoTheMinute);

    /// <summary>Moves to <paramref name="intoTheHour"/> past the next full UTC hour.</summary>
    public void AdvanceToNextHour(TimeSpan intoTheHour = default) => AdvanceToNext(TimeSpan.FromHours(1), intoTheHour);

    private void AdvanceToNext(TimeSpan window, TimeSpan into)
    {
        var now = Time.GetUtcNow();
        var windowStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % window.Ticks), TimeSpan.Zero);
        Time.SetUtcNow(windowStart + window + into);
    }
}
