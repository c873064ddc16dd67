using System.Globalization;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Recents.Integration.Tests.Drills;
using Recents.Integration.Tests.Processes;
using Xunit.Abstractions;

namespace Recents.Integration.Tests;

/// <summary>
/// <c>./run.sh</c> supervising its processes as an orchestrator would: under the drill load of adds over 1,000 users,
/// a silo or the API killed with SIGKILL is logged and replaced, the service keeps answering, and no acknowledged add
/// is lost.
/// </summary>
public sealed partial class RunScriptSupervisionTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ReplacementTimeout = TimeSpan.FromSeconds(150);
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("recents-supervised-").FullName;
    private readonly DrillWorld world = new();

    [Fact]
    public async Task ThreeSilos_SiloThenApiKilled_AreReplacedAndNoAcknowledgedAddIsLost()
    {
        await using var script = await StartLoadedAsync(silos: 3);
        var (silos, _) = Processes(script.Run);

        var siloKilledAt = script.Load.Now;
        Signals.Send(silos[1], Signals.Kill);
        var back = await script.Run.WaitForLineAsync(SiloBack(2), ReplacementTimeout);
        var replacedAfter = script.Load.Now - siloKilledAt;
        Assert.Matches($"Silo 2 \\(pid {silos[1]}\\) was killed by SIGKILL; its log: .*silo-2\\.log", script.Run.Output);
        Assert.EndsWith("silo-2.2.log", back.Groups["log"].Value);
        await Task.Delay(Settle);
        var siloPhase = script.Load.Attempts;

        var activeSilos = await ActiveSiloGatewaysAsync(script.Run, count: 3);
        Assert.Contains(int.Parse(back.Groups["gateway"].Value, CultureInfo.InvariantCulture), activeSilos);

        var (_, api) = Processes(script.Run);
        var apiKilledAt = script.Load.Now;
        Signals.Send(api, Signals.Kill);
        await script.Run.WaitForLineAsync(ApiBack(), ReplacementTimeout);
        var apiBackAfter = script.Load.Now - apiKilledAt;
        await Task.Delay(Settle);

        var figures = await FinishAsync(script, "run.sh supervision (SIGKILL 1 of 3 silos, then the API)", Invariant(
            $"silo replaced and joined {replacedAfter.TotalSeconds:F1} s after the kill, failover {LoadFigures.DisruptionAfter(siloPhase, siloKilledAt).TotalSeconds:F1} s; API back {apiBackAfter.TotalSeconds:F1} s after its kill"));
        AssertOnly204Or503(siloPhase);
        Assert.True(figures.ConnectionRefused > 0, "no request found the API down: its kill was not exercised");
    }

    [Fact]
    public async Task OneSilo_Killed_ComesBackWhileTheApiAnswers503WithRetryAfter()
    {
        await using var script = await StartLoadedAsync(silos: 1);
        var (silos, _) = Processes(script.Run);

        var killedAt = script.Load.Now;
        Signals.Send(silos[0], Signals.Kill);
        await script.Run.WaitForLineAsync(SiloBack(1), ReplacementTimeout);
        var replacedAfter = script.Load.Now - killedAt;
        await Task.Delay(Settle);

        var figures = await FinishAsync(script, "run.sh supervision (SIGKILL of the only silo)", Invariant(
            $"silo replaced {replacedAfter.TotalSeconds:F1} s after the kill; adds answered 503 until {LoadFigures.DisruptionAfter(script.Load.Attempts, killedAt).TotalSeconds:F1} s after it"));
        AssertOnly204Or503(script.Load.Attempts);
        Assert.True(figures.Unavailable > 0, "no add was refused while the only silo was down: the kill was not exercised");
        await ActiveSiloGatewaysAsync(script.Run, count: 1);
    }

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    private async Task<LoadedScript> StartLoadedAsync(int silos)
    {
        var environment = new Dictionary<string, string>(world.Tokens.AdditionalIssuerEnvironment)
        {
            // One client application sends the whole load: give it a budget the test never reaches.
            ["RateLimits__Tiers__drill__RequestsPerMinute"] = "10000000",
            ["RateLimits__Tiers__drill__RequestsPerHour"] = "100000000",
            [$"RateLimits__Clients__{DrillTokens.ClientId}"] = "drill",
        };
        var run = await RunScript.StartAsync(dataDirectory, silos, environment);
        try
        {
            await world.StoreThroughAdminApiAsync(run.ApiBaseAddress, run.AdminToken);
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }

        var load = AddLoad.Start(world, [run.ApiBaseAddress]);
        await Task.Delay(Warmup);
        return new LoadedScript(run, load);
    }

    private async Task<LoadFigures> FinishAsync(LoadedScript script, string drill, string drillFigures)
    {
        await script.Load.UntilEveryUserHasAnAddAsync(TimeSpan.FromSeconds(60));
        var duration = await script.Load.StopAsync();
        var figures = LoadFigures.From(script.Load.Attempts, script.Load.Adds, duration);
        var check = await ListCheck.RunAsync(world, script.Load.Adds, script.Run.ApiBaseAddress);
        DrillReport.Write(output, drill, Invariant(
            $"{figures}; {drillFigures}; {check.UsersChecked} lists checked, {check.Mismatches.Count} differ from the acknowledged adds"));

        Assert.True(figures.Unexpected == 0, string.Join('\n', figures.UnexpectedSamples));
        Assert.True(check.Mismatches.Count == 0, string.Join('\n', check.Mismatches.Take(5)));
        Assert.Equal(0, figures.TimedOut);
        Assert.Equal(0, script.Load.Adds.UncertainUsers);
        Assert.True(figures.UsersWithAdds >= DrillWorld.UserCount, $"only {figures.UsersWithAdds} users got adds");
        return figures;
    }

    private static void AssertOnly204Or503(IReadOnlyList<Attempt> attempts)
    {
        var others = attempts.Where(attempt => attempt.Result is not (AttemptResult.Acknowledged or AttemptResult.Unavailable)).ToList();
        Assert.True(others.Count == 0, string.Join('\n', others.Take(5).Select(attempt => $"{attempt.Result} at {attempt.StartedAt}: {attempt.Detail}")));
    }

    private static (IReadOnlyList<int> Silos, int Api) Processes(RunScript run)
    {
        var line = ProcessesLine().Match(run.Output);
        Assert.True(line.Success, run.Output);
        var silos = line.Groups["silos"].Value.Split(' ').Select(pid => int.Parse(pid, CultureInfo.InvariantCulture)).ToList();
        return (silos, int.Parse(line.Groups["api"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The gateway ports of the silos that run.sh's membership table lists as active, once there are <paramref name="count"/>
    /// of them: a killed silo stays listed until the others declare it dead.
    /// </summary>
    private static async Task<IReadOnlyList<int>> ActiveSiloGatewaysAsync(RunScript run, int count)
    {
        var storagePort = int.Parse(AzuritePort().Match(run.Output).Groups["port"].Value, CultureInfo.InvariantCulture);
        var table = new TableClient(AzuriteConnection.For(storagePort), "RecentsSiloInstances");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var gateways = new List<int>();
            await foreach (var row in table.QueryAsync<TableEntity>())
            {
                if (row.GetString("Status") == "Active")
                {
                    gateways.Add(int.Parse(row["ProxyPort"].ToString()!, CultureInfo.InvariantCulture));
                }
            }

            if (gateways.Count == count || DateTime.UtcNow > deadline)
            {
                Assert.Equal(count, gateways.Count);
                return gateways;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static Regex SiloBack(int silo) => new($@"Silo {silo} is back and has joined the cluster \(pid \d+, gateway (?<gateway>\d+), metrics \S+\); its log: (?<log>\S+)");

    private static Regex ApiBack() => new(@"The API is back on port \d+ \(pid \d+\)");

    [GeneratedRegex(@"Processes\s+API pid (?<api>\d+), silo pids (?<silos>[\d ]+), Azurite pid \d+")]
    private static partial Regex ProcessesLine();

    [GeneratedRegex(@"Azurite table (?<port>\d+)")]
    private static partial Regex AzuritePort();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record LoadedScript(RunScript Run, AddLoad Load) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Load.DisposeAsync();
            await Run.DisposeAsync();
        }
    }
}
