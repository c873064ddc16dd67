using System.Globalization;
using Recents.Integration.Tests.Processes;
using Xunit.Abstractions;

namespace Recents.Integration.Tests.Drills;

/// <summary>The loss of the whole cluster at once (a power cut, a bad deploy) under the drill load, then its return.</summary>
public sealed class ClusterLossDrillTests(ITestOutputHelper output) : IDisposable
{
    private const string ClusterId = "drill-cluster-loss";
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);
    private readonly DrillDirectory work = new(output);
    private readonly DrillWorld world = new();

    [Fact]
    public async Task AllSilosKilled_ThenRestarted_AnswersOnly503MeanwhileAndLosesNoAcknowledgedAdd()
    {
        await using var deployment = await LoadedDeployment.StartAsync(ClusterId, world, work.Path);
        var (cluster, load) = (deployment.Cluster, deployment.Load);

        var killedAt = load.Now;
        await Task.WhenAll(Enumerable.Range(0, cluster.SiloCount).Select(silo => cluster.StopSiloAsync(silo, Signals.Kill)));
        await Task.Delay(Outage);
        var restartedAt = load.Now;
        await Task.WhenAll(Enumerable.Range(0, cluster.SiloCount).Select(cluster.StartSiloAsync));
        var listeningAt = load.Now;
        await WaitForAnAcknowledgedAddAsync(load, since: restartedAt);
        await Task.Delay(Settle);

        TimeSpan? firstAcknowledged = null;
        var figures = await DrillCheck.FinishAsync(output, world, load, deployment.Api, "All silos killed (SIGKILL 3 of 3, restarted 5 s later)", attempts =>
        {
            firstAcknowledged = attempts.Where(attempt => attempt.Result == AttemptResult.Acknowledged && attempt.StartedAt >= killedAt)
                .Select(attempt => attempt.EndedAt).DefaultIfEmpty().Min();
            return string.Create(CultureInfo.InvariantCulture,
                $"silos listening again {(listeningAt - restartedAt).TotalSeconds:F1} s after their restart; first 204 {(firstAcknowledged.Value - restartedAt).TotalSeconds:F1} s after the restart ({(firstAcknowledged.Value - killedAt).TotalSeconds:F1} s after the kill); last failed add ended {LoadFigures.DisruptionAfter(attempts, restartedAt).TotalSeconds:F1} s after the restart; the API's 503s by cause: {UnavailabilityReasons.In(Directory.EnumerateFiles(work.Path, $"{ClusterId}-api-*.log"))}");
        });

        Assert.True(firstAcknowledged > restartedAt, "no add was acknowledged after the restart");
        Assert.True(figures.Unavailable > 0, "no add failed while every silo was down: the loss was not exercised");
        Assert.Equal(0, figures.ConnectionRefused + figures.ConnectionBroken);
    }

    public void Dispose() => work.Dispose();

    /// <summary>How long the service takes to answer 204 again varies from run to run; the drill measures it, up to a bound.</summary>
    private static async Task WaitForAnAcknowledgedAddAsync(AddLoad load, TimeSpan since)
    {
        var deadline = load.Now + RecoveryTimeout;
        while (!load.Attempts.Any(attempt => attempt.Result == AttemptResult.Acknowledged && attempt.StartedAt >= since))
        {
            Assert.True(load.Now < deadline, $"no add was acknowledged within {RecoveryTimeout} of the restart");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
