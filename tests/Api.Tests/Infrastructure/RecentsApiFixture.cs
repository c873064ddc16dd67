using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Recents.Api.Tests.Infrastructure;

/// <summary>
/// One silo (in this process, on Azurite, Azure Table clustering) and the API on Kestrel, its Orleans
/// client finding the silo through the membership table: the production wiring, on loopback ports.
/// Tests share it and keep apart by using fresh user ids and GUIDs.
/// </summary>
public sealed class RecentsApiFixture : IAsyncLifetime
{
    private readonly string clusterId = $"api-tests-{Guid.NewGuid():N}";
    private readonly string storageConnectionString;
    private readonly IReadOnlyDictionary<string, string> siloSettings;
    private readonly IReadOnlyDictionary<string, string> apiSettings;
    private readonly Action<IServiceCollection>? services;
    private IHost? silo;
    private ApiFactory? api;

    /// <summary>On the Azurite that ./test.sh started.</summary>
    public RecentsApiFixture()
        : this(TestStorage.ConnectionString)
    {
    }

    /// <summary>
    /// On the given storage, for tests that take their storage away; <paramref name="siloSettings"/> are added to
    /// (and override) the silo's configuration, <paramref name="apiSettings"/> added to the API's; <paramref name="services"/>
    /// is applied to the services of both hosts, after their own setup.
    /// </summary>
    internal RecentsApiFixture(
        string storageConnectionString,
        IReadOnlyDictionary<string, string>? siloSettings = null,
        IReadOnlyDictionary<string, string>? apiSettings = null,
        Action<IServiceCollection>? services = null)
    {
        this.storageConnectionString = storageConnectionString;
        this.siloSettings = siloSettings ?? new Dictionary<string, string>();
        this.apiSettings = apiSettings ?? new Dictionary<string, string>();
        this.services = services;
    }

    public TestTokens Tokens { get; } = new();

    /// <summary>Every log line the API wrote, with its scopes.</summary>
    public CapturedLogs ApiLogs { get; } = new();

    /// <summary>The silo's log lines (warnings and worse, as the silo's log level says).</summary>
    public CapturedLogs SiloLogs { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The API host's services, to compare what it serves with what it maps (its endpoints, for one).</summary>
    public IServiceProvider ApiServices => api?.Services ?? throw new InvalidOperationException("The API has not started.");

    /// <summary>The silo host's services (its meters, for one: see <see cref="StorageRequests"/>).</summary>
    public IServiceProvider SiloServices => silo?.Services ?? throw new InvalidOperationException("The silo is not running.");

    /// <summary>The cluster settings a second process (or host) would need to join this cluster.</summary>
    public IReadOnlyDictionary<string, string> ClusterSettings => TestSilo.ClusterSettings(storageConnectionString, clusterId);

    public async Task InitializeAsync()
    {
        silo = TestSilo.Build(ClusterSettings.Concat(siloSettings), SiloLogs, services);
        await silo.StartAsync();

        api = StartApi(ClusterSettings.Concat(Tokens.ApiSettings).Concat(TestRateLimits.Settings).Concat(apiSettings), ApiLogs, services);
        Client = api.CreateClient();
    }

    /// <summary>
    /// An API process on Kestrel with these settings; give it <see cref="ClusterSettings"/> to join this cluster.
    /// <paramref name="services"/> is applied to its services after the API's own setup.
    /// </summary>
    public static ApiFactory StartApi(
        IEnumerable<KeyValuePair<string, string>> settings, CapturedLogs? logs = null, Action<IServiceCollection>? services = null)
    {
        var started = new ApiFactory(settings.ToDictionary(), logs, services);
        started.UseKestrel(0);
        started.StartServer();
        return started;
    }

    /// <summary>Stops the silo as an outage would take it away; the API keeps running.</summary>
    public async Task StopSiloAsync()
    {
        if (silo is not null)
        {
            await silo.StopAsync();
            silo.Dispose();
            silo = null;
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (api is not null)
        {
            await api.DisposeAsync();
        }

        await StopSiloAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RecentsApiCollection : ICollectionFixture<RecentsApiFixture>
{
    public const string Name = "Recents API on a real silo";
}
