using System.Globalization;
using System.Net;
using Recents.Integration.Tests.Processes;
using Xunit.Abstractions;

namespace Recents.Integration.Tests.Drills;

/// <summary>
/// A network partition under the drill load: silo 3 and an API of its own run in a network namespace whose link to
/// the other silos is cut while its link to storage and to clients stays up. Both sides keep taking adds, so users
/// whose grains lived on silo 3 may be written from both sides until silo 3 learns that it was voted dead and stops.
/// The link comes back after that, and silo 3 is started again.
/// </summary>
public sealed class PartitionDrillTests(ITestOutputHelper output) : IDisposable
{
    private const string ClusterId = "drill-partition";
    private const int CutOffSilo = 2;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan VotedDeadTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    // Orleans has a silo read the membership table once a minute (TableRefreshTimeout); a cut-off silo learns there
    // that it was voted dead, and stops.
    private static readonly TimeSpan StopItselfTimeout = TimeSpan.FromSeconds(90);
    private readonly DrillDirectory work = new(output);
    private readonly DrillWorld world = new();

    [NetworkNamespaceFact]
    public async Task SiloCutOffFromTheOthersButNotFromStorage_IsVotedDeadAndNoAcknowledgedAddIsLost()
    {
        using var network = NetworkNamespace.Create();
        await using var storage = await AzuriteStorage.StartAsync(work.Path);
        await using var storageForTheNamespace = FaultProxy.Start(storage.EndPoint, network.ServiceAddressOutside);
        var inside = new ProcessPlacement(network.ClusterAddressInside, network.Launcher, AzuriteConnection.For(storageForTheNamespace.EndPoint));
        var outside = new ProcessPlacement(network.ClusterAddressOutside, [], storage.ConnectionString);
        await using var cluster = new ServiceCluster(ClusterId, storage, world, work.Path, siloCount: 3, apiCount: 2,
            placeSilo: silo => silo == CutOffSilo ? inside : outside,
            // The second API runs beside silo 3 and takes clients over the link that stays up.
            placeApi: api => api == 0 ? ProcessPlacement.Loopback(storage.ConnectionString) : inside with { Address = network.ServiceAddressInside });
        await cluster.StartAsync();
        await using var load = AddLoad.Start(world, cluster.ApiAddresses);
        await Task.Delay(Warmup);

        var membership = new MembershipTable(storage.ConnectionString);
        var cutAt = load.Now;
        network.CutClusterLink();
        var votedDeadAfter = await WaitUntilVotedDeadAsync(membership, network.ClusterAddressInside, load) - cutAt;
        var stoppedItself = await WaitUntilExitedAsync(cluster, load, StopItselfTimeout);
        var stoppedAfter = load.Now - cutAt;

        network.RestoreClusterLink();
        var restoredAt = load.Now;
        await cluster.StopSiloAsync(CutOffSilo, Signals.Kill);
        await cluster.StartSiloAsync(CutOffSilo);
        await Task.Delay(Settle);

        var figures = await DrillCheck.FinishAsync(output, world, load, cluster.ApiAddresses[0],
            "Partition (silo 3 and a second API cut off from silos 1 and 2, not from storage)", attempts => string.Create(CultureInfo.InvariantCulture,
                $"silo 3 voted dead {votedDeadAfter.TotalSeconds:F1} s after the cut; {(stoppedItself ? $"it stopped itself {stoppedAfter.TotalSeconds:F1} s after the cut" : $"it was still running {StopItselfTimeout.TotalSeconds:F0} s after the cut")}; "
                + $"the APIs' 503s by cause: {UnavailabilityReasons.In(Directory.EnumerateFiles(work.Path, $"{ClusterId}-api-*.log"))} (a StaleGrainStateException is an add refused because another activation of the user wrote first); "
                + $"link restored {(restoredAt - cutAt).TotalSeconds:F1} s after the cut, last failed add ended {LoadFigures.DisruptionAfter(attempts, restoredAt).TotalSeconds:F1} s after that"));

        Assert.True(figures.Unavailable > 0, "no add failed during the partition: it was not exercised");
        Assert.Equal(0, figures.ConnectionRefused + figures.ConnectionBroken);
    }

    public void Dispose() => work.Dispose();

    private static async Task<TimeSpan> WaitUntilVotedDeadAsync(MembershipTable membership, IPAddress silo, AddLoad load)
    {
        var deadline = load.Now + VotedDeadTimeout;
        while (await membership.StatusOfAsync(ClusterId, silo) != "Dead")
        {
            Assert.True(load.Now < deadline, $"silo 3 was not voted dead within {VotedDeadTimeout} of the cut");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        return load.Now;
    }

    private static async Task<bool> WaitUntilExitedAsync(ServiceCluster cluster, AddLoad load, TimeSpan bound)
    {
        var deadline = load.Now + bound;
        while (!cluster.SiloHasExited(CutOffSilo) && load.Now < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        return cluster.SiloHasExited(CutOffSilo);
    }
}
