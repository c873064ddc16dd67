using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Recents.Silo.Tests.Storage;

/// <summary>A silo with <c>GrainState:Kind=Memory</c>, clustered on the Azurite that ./test.sh started.</summary>
public sealed class MemoryStateSilo : IAsyncLifetime
{
    private IHost? host;

    /// <summary>The silo's log lines, warnings and worse.</summary>
    public CapturedLogs Logs { get; } = new();

    public IServiceProvider Services => host?.Services ?? throw new InvalidOperationException("The silo has not started.");

    /// <summary>The silo's grain factory: the tests' calls enter the cluster through this silo.</summary>
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var settings = TestSilo.ClusterSettings(TestStorage.ConnectionString, $"silo-tests-{Guid.NewGuid():N}")
            .Append(KeyValuePair.Create("GrainState:Kind", "Memory"));
        host = TestSilo.Build(settings, Logs);
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
