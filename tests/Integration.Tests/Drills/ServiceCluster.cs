using System.Globalization;
using System.Net;
using Recents.Integration.Tests.Processes;

namespace Recents.Integration.Tests.Drills;

/// <summary>
/// One Orleans cluster of real silo processes and the API processes in front of it, on a shared storage.
/// Every process keeps its placement and ports for life, so a restarted silo or API comes back where it was.
/// </summary>
internal sealed class ServiceCluster : IAsyncDisposable
{
    public const string ServiceId = "recents-drill";
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string clusterId;
    private readonly AzuriteStorage storage;
    private readonly DrillWorld world;
    private readonly string workDirectory;
    private readonly (int SiloPort, int GatewayPort)[] siloPorts;
    private readonly ChildProcess?[] silos;
    private readonly int[] apiPorts;
    private readonly ChildProcess?[] apis;
    private readonly ProcessPlacement[] siloPlacements;
    private readonly ProcessPlacement[] apiPlacements;

    /// <summary>
    /// Every process on loopback unless <paramref name="placeSilo"/> or <paramref name="placeApi"/> (given the process's
    /// index) says otherwise.
    /// </summary>
    public ServiceCluster(
        string clusterId, AzuriteStorage storage, DrillWorld world, string workDirectory, int siloCount, int apiCount,
        Func<int, ProcessPlacement>? placeSilo = null, Func<int, ProcessPlacement>? placeApi = null)
    {
        this.clusterId = clusterId;
        this.storage = storage;
        this.world = world;
        this.workDirectory = workDirectory;
        var ports = LocalPorts.Free(2 * siloCount + apiCount);
        siloPorts = Enumerable.Range(0, siloCount).Select(index => (ports[2 * index], ports[2 * index + 1])).ToArray();
        apiPorts = ports[(2 * siloCount)..];
        silos = new ChildProcess?[siloCount];
        apis = new ChildProcess?[apiCount];
        siloPlacements = Enumerable.Range(0, siloCount).Select(placeSilo ?? Loopback).ToArray();
        apiPlacements = Enumerable.Range(0, apiCount).Select(placeApi ?? Loopback).ToArray();
    }

    public int SiloCount => silos.Length;

    /// <summary>Whether the silo's process ended on its own (a silo that learns it was voted dead stops itself).</summary>
    public bool SiloHasExited(int index) => silos[index] is not { HasExited: false };

    public IReadOnlyList<Uri> ApiAddresses =>
        apiPorts.Zip(apiPlacements, (port, placement) => new Uri($"http://{placement.Address}:{port}")).ToArray();

    /// <summary>Every silo, then every API (the first one loads the drill's directory); returns once all APIs are ready.</summary>
    public async Task StartAsync(bool seedDirectory = true)
    {
        await Task.WhenAll(Enumerable.Range(0, silos.Length).Select(StartSiloAsync));
        await StartApiAsync(0, seedDirectory);
        await Task.WhenAll(Enumerable.Range(1, apis.Length - 1).Select(index => StartApiAsync(index)));
    }

    public async Task StartSiloAsync(int index)
    {
        var (siloPort, gatewayPort) = siloPorts[index];
        var placement = siloPlacements[index];
        var environment = new Dictionary<string, string>(CommonEnvironment(placement))
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Silo__AdvertisedIPAddress"] = placement.Address.ToString(),
            ["Silo__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Silo__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            // Fast failure detection for the drills: a silo that stops answering is declared dead after two
            // missed 2 s probes. Production keeps Orleans' defaults (docs/operations.md#membership-timing).
            ["Membership__ProbeTimeout"] = "00:00:02",
            ["Membership__NumMissedProbesLimit"] = "2",
            ["Membership__IAmAliveTablePublishTimeout"] = "00:00:05",
            ["Membership__NumMissedTableIAmAliveLimit"] = "2",
        };
        var silo = ChildProcess.Start($"{clusterId} silo {index + 1}", Repository.OutputOf("Silo"),
            Path.Combine(workDirectory, $"{clusterId}-silo-{index + 1}.log"), environment, [.. placement.Launcher, "dotnet", "Recents.Silo.dll"]);
        silos[index] = silo;
        await LocalPorts.WaitUntilListeningAsync(new IPEndPoint(placement.Address, gatewayPort), silo, StartTimeout);
    }

    public async Task StopSiloAsync(int index, int signal = Signals.Terminate)
    {
        if (silos[index] is { } silo)
        {
            await silo.StopAsync(signal);
            await silo.DisposeAsync();
            silos[index] = null;
        }
    }

    public async Task StartApiAsync(int index, bool seedDirectory = false)
    {
        var placement = apiPlacements[index];
        var environment = new Dictionary<string, string>(CommonEnvironment(placement))
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = ApiAddresses[index].ToString(),
            // One client application sends the whole load: give it a budget the drill never reaches.
            ["RateLimits__Tiers__drill__RequestsPerMinute"] = "10000000",
            ["RateLimits__Tiers__drill__RequestsPerHour"] = "100000000",
            [$"RateLimits__Clients__{DrillTokens.ClientId}"] = "drill",
        };
        foreach (var (key, value) in world.Tokens.ApiEnvironment)
        {
            environment[key] = value;
        }

        if (seedDirectory)
        {
            environment["Directory__SeedFile"] = world.WriteSeedFile(workDirectory);
        }

        var api = ChildProcess.Start($"{clusterId} API {index + 1}", Repository.OutputOf("Api"),
            Path.Combine(workDirectory, $"{clusterId}-api-{index + 1}.log"), environment, [.. placement.Launcher, "dotnet", "Recents.Api.dll"]);
        apis[index] = api;
        await WaitUntilReadyAsync(index, api);
    }

    public async Task StopApiAsync(int index, int signal = Signals.Terminate)
    {
        if (apis[index] is { } api)
        {
            await api.StopAsync(signal);
            await api.DisposeAsync();
            apis[index] = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var index = 0; index < apis.Length; index++)
        {
            await StopApiAsync(index);
        }

        await Task.WhenAll(Enumerable.Range(0, silos.Length).Select(index => StopSiloAsync(index)));
    }

    private ProcessPlacement Loopback(int index) => ProcessPlacement.Loopback(storage.ConnectionString);

    private Dictionary<string, string> CommonEnvironment(ProcessPlacement placement) => new()
    {
        ["Cluster__StorageConnectionString"] = placement.StorageConnectionString,
        ["Cluster__ServiceId"] = ServiceId,
        ["Cluster__ClusterId"] = clusterId,
    };

    private async Task WaitUntilReadyAsync(int index, ChildProcess api)
    {
        using var http = new HttpClient { BaseAddress = ApiAddresses[index], Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (api.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{api.Name} did not become ready:\n{api.LogTail()}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }
    }
}
