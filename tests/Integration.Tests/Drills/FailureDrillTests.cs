using System.Globalization;
using System.Net;
using Recents.Integration.Tests.Processes;
using Xunit.Abstractions;

namespace Recents.Integration.Tests.Drills;

/// <summary>
/// Failure drills on real processes: Azurite, three silo processes and the API, under a steady load of adds over
/// 1,000 users. Each drill breaks something, keeps the load on, and then checks every user's list against the
/// adds the service acknowledged with 204. Figures go to the test output and to ./test.sh's drill report.
/// </summary>
public sealed class FailureDrillTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);
    private readonly DrillDirectory work = new(output);
    private readonly DrillWorld world = new();

    [Fact]
    public async Task SiloCrash_UnderLoad_LosesNoAcknowledgedAddAndFailoverAnswers503WithRetryAfter()
    {
        await using var deployment = await LoadedDeployment.StartAsync("drill-crash", world, work.Path);
        var (cluster, load) = (deployment.Cluster, deployment.Load);

        var killedAt = load.Now;
        await cluster.StopSiloAsync(1, Signals.Kill);
        await Task.Delay(TimeSpan.FromSeconds(25));

        var figures = await DrillCheck.FinishAsync(output, world, load, deployment.Api, "Silo crash (SIGKILL 1 of 3 silos)", attempts => Invariant(
            $"failover {LoadFigures.DisruptionAfter(attempts, killedAt).TotalSeconds:F1} s after the kill"));
        Assert.Equal(0, figures.ConnectionRefused + figures.ConnectionBroken);
    }

    [Fact]
    public async Task RollingRestart_OfEverySilo_LosesNoAcknowledgedAdd()
    {
        await using var deployment = await LoadedDeployment.StartAsync("drill-rolling", world, work.Path);
        var (cluster, load) = (deployment.Cluster, deployment.Load);

        var stopTimes = new List<TimeSpan>();
        for (var silo = 0; silo < 3; silo++)
        {
            var stopping = load.Now;
            await cluster.StopSiloAsync(silo, Signals.Terminate);
            stopTimes.Add(load.Now - stopping);
            await cluster.StartSiloAsync(silo);
            await Task.Delay(Settle);
        }

        var figures = await DrillCheck.FinishAsync(output, world, load, deployment.Api, "Rolling restart (SIGTERM and restart each of 3 silos)", _ => Invariant(
            $"graceful stops took {string.Join(", ", stopTimes.Select(time => $"{time.TotalSeconds:F1} s"))}"));
        Assert.Equal(0, figures.ConnectionRefused + figures.ConnectionBroken);
    }

    [Fact]
    public async Task StorageOutage_Of10Seconds_Answers503ThenRecoversWithoutARestartAndLosesNothing()
    {
        await using var deployment = await LoadedDeployment.StartAsync("drill-storage", world, work.Path);
        var load = deployment.Load;
        using var readiness = new HttpClient { BaseAddress = deployment.Api, Timeout = TimeSpan.FromSeconds(10) };

        var stoppedAt = load.Now;
        await deployment.Storage.StopAsync();
        List<HttpStatusCode> readyDuringOutage;
        using (var outage = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            readyDuringOutage = await SampleReadinessAsync(readiness, outage.Token);
        }

        await deployment.Storage.StartAsync();
        var restartedAt = load.Now;
        var readyAgainAfter = await WaitUntilReadyAsync(readiness, load, TimeSpan.FromSeconds(60)) - restartedAt;
        await Task.Delay(TimeSpan.FromSeconds(15));

        var figures = await DrillCheck.FinishAsync(output, world, load, deployment.Api, "Storage outage (Azurite stopped for 10 s)", attempts => Invariant(
            $"outage {(restartedAt - stoppedAt).TotalSeconds:F1} s; ready answered 503 {readyDuringOutage.Count(status => status == HttpStatusCode.ServiceUnavailable)} of {readyDuringOutage.Count} times during it and 200 again {readyAgainAfter.TotalSeconds:F1} s after storage returned; last failed add ended {LoadFigures.DisruptionAfter(attempts, restartedAt).TotalSeconds:F1} s after storage returned"));
        Assert.Contains(HttpStatusCode.ServiceUnavailable, readyDuringOutage);
        Assert.DoesNotContain(readyDuringOutage, status => status is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.OK));
        Assert.True(figures.Unavailable > 0, "no add failed while storage was down: the outage was not exercised");
        Assert.Equal(0, figures.ConnectionRefused + figures.ConnectionBroken);
    }

    [Fact]
    public async Task ApiRestarts_GracefulAndKilled_LoseNoAcknowledgedAdd()
    {
        await using var deployment = await LoadedDeployment.StartAsync("drill-api", world, work.Path);
        var (cluster, load) = (deployment.Cluster, deployment.Load);

        var terminatedAt = load.Now;
        await cluster.StopApiAsync(0, Signals.Terminate);
        await cluster.StartApiAsync(0);
        var killedAt = load.Now;
        await Task.Delay(Settle);
        await cluster.StopApiAsync(0, Signals.Kill);
        await cluster.StartApiAsync(0);
        await Task.Delay(Settle);

        var brokenByTermination = 0;
        var figures = await DrillCheck.FinishAsync(output, world, load, deployment.Api, "API restart (SIGTERM then SIGKILL, each restarted)", attempts =>
        {
            brokenByTermination = attempts.Count(attempt =>
                attempt.Result == AttemptResult.ConnectionBroken && attempt.StartedAt >= terminatedAt && attempt.StartedAt < killedAt);
            return Invariant(
                $"down {(killedAt - terminatedAt).TotalSeconds:F1} s after SIGTERM, broken connections after SIGTERM {brokenByTermination}, after SIGKILL {attempts.Count(attempt => attempt.Result == AttemptResult.ConnectionBroken && attempt.StartedAt >= killedAt)}");
        }, allowConnectionFailures: true);
        Assert.True(figures.ConnectionRefused > 0, "no request found the API down: the restart was not exercised");
        Assert.Equal(0, brokenByTermination);
    }

    [Fact]
    public async Task TwoClusters_WritingTheSameUsers_LoseNoAcknowledgedAdd()
    {
        await using var storage = await AzuriteStorage.StartAsync(work.Path);
        AddLoad load;
        LoadFigures figures;
        // Two clusters of one service on one storage: every user has an activation in each, both writing the same
        // rows. Only the ETag stands between them.
        await using (var first = new ServiceCluster("drill-writer-a", storage, world, work.Path, siloCount: 1, apiCount: 1))
        await using (var second = new ServiceCluster("drill-writer-b", storage, world, work.Path, siloCount: 1, apiCount: 1))
        {
            await first.StartAsync();
            await second.StartAsync(seedDirectory: false);
            load = AddLoad.Start(world, [.. first.ApiAddresses, .. second.ApiAddresses]);
            await Task.Delay(TimeSpan.FromSeconds(25));
            await load.StopAsync();
        }

        // Their activations may hold stale lists in memory; what counts is what storage holds, read by a fresh cluster.
        await using var reader = new ServiceCluster("drill-reader", storage, world, work.Path, siloCount: 1, apiCount: 1);
        await reader.StartAsync(seedDirectory: false);
        await using (load)
        {
            figures = await DrillCheck.FinishAsync(output, world, load, reader.ApiAddresses[0], "Two writers (two clusters on one storage)", _ => "lists read through a fresh third cluster");
        }

        Assert.True(figures.Unavailable > 0, "no write conflict was seen: the two writers never collided");
        Assert.Equal(0, figures.ConnectionRefused + figures.ConnectionBroken);
    }

    public void Dispose() => work.Dispose();

    private static async Task<HttpStatusCode> ReadinessAsync(HttpClient http, CancellationToken cancellation = default)
    {
        using var response = await http.GetAsync("/health/ready", cancellation);
        return response.StatusCode;
    }

    /// <summary>Asks for readiness once a second until <paramref name="until"/> is cancelled; the answers that came.</summary>
    private static async Task<List<HttpStatusCode>> SampleReadinessAsync(HttpClient http, CancellationToken until)
    {
        var answers = new List<HttpStatusCode>();
        try
        {
            while (true)
            {
                answers.Add(await ReadinessAsync(http, until));
                await Task.Delay(TimeSpan.FromSeconds(1), until);
            }
        }
        catch (OperationCanceledException) when (until.IsCancellationRequested)
        {
            return answers;
        }
    }

    private static async Task<TimeSpan> WaitUntilReadyAsync(HttpClient http, AddLoad load, TimeSpan timeout)
    {
        var deadline = load.Now + timeout;
        while (await ReadinessAsync(http) != HttpStatusCode.OK)
        {
            Assert.True(load.Now < deadline, $"not ready {timeout} after storage came back");
            await Task.Delay(250);
        }

        return load.Now;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
