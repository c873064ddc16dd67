using System.Globalization;
using Xunit.Abstractions;

namespace Recents.Integration.Tests.Drills;

/// <summary>
/// Storage that is slow or drops connections, rather than down: every silo and the API reach Azurite through a
/// <see cref="Processes.FaultProxy"/>, under the drill load and a <see cref="HotUserProbe"/>. Besides what every drill
/// promises (<see cref="DrillCheck"/>), each answer comes within the API's grain call timeout, and adds are answered
/// 204 again soon after storage behaves.
/// </summary>
public sealed class StorageFaultDrillTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The API's <c>Cluster:ResponseTimeout</c>, and a margin for a loaded 2-core machine.</summary>
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(15 + 3);

    /// <summary>How long after storage behaves again every add must be answered 204.</summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(20);

    private readonly DrillDirectory work = new(output);
    private readonly DrillWorld world = new();

    [Fact]
    public async Task SlowStorage_200MsThen2SThen20S_Answers204Or503InTimeRecoversAndLosesNothing()
    {
        await using var deployment = await LoadedDeployment.StartAsync("drill-slow-storage", world, work.Path, storageThroughProxy: true);
        var (load, proxy) = (deployment.Load, deployment.StorageProxy!);
        await using var probe = HotUserProbe.Start(world, deployment.Api, load);

        var phases = new List<(string Name, TimeSpan From, TimeSpan To)>();
        foreach (var (latency, length) in new[] { (0.2, 12), (2, 12), (20, 15) })
        {
            var from = load.Now;
            proxy.Latency = TimeSpan.FromSeconds(latency);
            await Task.Delay(TimeSpan.FromSeconds(length));
            phases.Add((Invariant($"+{latency:0.#} s"), from, load.Now));
        }

        proxy.Latency = TimeSpan.Zero;
        var normalAt = load.Now;
        await Task.Delay(RecoveryBound + TimeSpan.FromSeconds(5));
        await probe.StopAsync();
        phases.Add(("after", normalAt, load.Now));

        var probeAttempts = probe.Attempts;
        var figures = await DrillCheck.FinishAsync(output, world, load, deployment.Api, "Slow storage (+0.2 s, +2 s, +20 s per storage round trip, then normal)",
            attempts => string.Join("; ", phases.Select(phase => Invariant(
                $"{phase.Name} ({(phase.To - phase.From).TotalSeconds:F0} s): load {PhaseFigures.Of(attempts, phase.From, phase.To)}, hot user {PhaseFigures.Of(probeAttempts, phase.From, phase.To)}, up to {probe.MaxWaiting(phase.From, phase.To)} of its adds waiting")))
                + Invariant($"; last failed add ended {LoadFigures.DisruptionAfter(attempts, normalAt).TotalSeconds:F1} s (hot user {LoadFigures.DisruptionAfter(probeAttempts, normalAt).TotalSeconds:F1} s) after latency returned to normal"));

        AssertAnsweredInTime(load.Attempts.Concat(probeAttempts));
        Assert.True(PhaseFigures.Of(load.Attempts, phases[2].From, phases[2].To).Unavailable > 0, "no add failed at +20 s: the latency was not exercised");
        AssertRecoveredWithin(load.Attempts, normalAt);
        AssertRecoveredWithin(probeAttempts, normalAt);
        Assert.Equal(0, figures.ConnectionRefused + figures.ConnectionBroken);
    }

    [Fact]
    public async Task StorageResettingConnections_For10Seconds_Answers503InTimeRecoversAndLosesNothing()
    {
        await using var deployment = await LoadedDeployment.StartAsync("drill-reset-storage", world, work.Path, storageThroughProxy: true);
        var (load, proxy) = (deployment.Load, deployment.StorageProxy!);
        await using var probe = HotUserProbe.Start(world, deployment.Api, load);

        var resetFrom = load.Now;
        await proxy.ResetConnectionsForAsync(TimeSpan.FromSeconds(10));
        var normalAt = load.Now;
        var connectionsReset = proxy.ConnectionsReset;
        await Task.Delay(TimeSpan.FromSeconds(15));
        await probe.StopAsync();

        var probeAttempts = probe.Attempts;
        var figures = await DrillCheck.FinishAsync(output, world, load, deployment.Api, "Storage resetting connections (every storage connection reset for 10 s)",
            attempts => Invariant(
                $"{connectionsReset} connections reset; during it: load {PhaseFigures.Of(attempts, resetFrom, normalAt)}, hot user {PhaseFigures.Of(probeAttempts, resetFrom, normalAt)}, up to {probe.MaxWaiting(resetFrom, normalAt)} of its adds waiting; last failed add ended {LoadFigures.DisruptionAfter(attempts, normalAt).TotalSeconds:F1} s (hot user {LoadFigures.DisruptionAfter(probeAttempts, normalAt).TotalSeconds:F1} s) after storage accepted connections again"));

        AssertAnsweredInTime(load.Attempts.Concat(probeAttempts));
        Assert.True(connectionsReset > 0, "no storage connection was reset");
        Assert.True(figures.Unavailable > 0, "no add failed while storage reset connections: the fault was not exercised");
        AssertRecoveredWithin(load.Attempts, normalAt);
        AssertRecoveredWithin(probeAttempts, normalAt);
        Assert.Equal(0, figures.ConnectionRefused + figures.ConnectionBroken);
    }

    public void Dispose() => work.Dispose();

    /// <summary>Only 204 or 503 with Retry-After, each within the API's grain call timeout: a slow storage must not make the API hang.</summary>
    private static void AssertAnsweredInTime(IEnumerable<Attempt> attempts)
    {
        var all = attempts.ToList();
        Assert.All(all, attempt => Assert.True(attempt.Result is AttemptResult.Acknowledged or AttemptResult.Unavailable,
            Invariant($"{attempt.Result} at {attempt.StartedAt.TotalSeconds:F1} s: {attempt.Detail}")));
        var slowest = all.MaxBy(attempt => attempt.Duration)!;
        Assert.True(slowest.Duration <= AnswerBound,
            Invariant($"a request started at {slowest.StartedAt.TotalSeconds:F1} s took {slowest.Duration.TotalSeconds:F1} s ({slowest.Result})"));
    }

    private static void AssertRecoveredWithin(IReadOnlyList<Attempt> attempts, TimeSpan normalAt)
    {
        var disruption = LoadFigures.DisruptionAfter(attempts, normalAt);
        Assert.True(disruption <= RecoveryBound, Invariant($"adds still failed {disruption.TotalSeconds:F1} s after storage behaved again"));
        Assert.Contains(attempts, attempt => attempt.Result == AttemptResult.Acknowledged && attempt.StartedAt >= normalAt + disruption);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
