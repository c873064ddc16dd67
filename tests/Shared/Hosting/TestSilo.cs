using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Recents.Silo;

namespace Recents.Tests.Shared;

/// <summary>
/// A silo of this service in the test process, set up by the silo's own code (<see cref="SiloSetup.AddRecentsSilo"/>)
/// on free loopback ports; built, not started.
/// </summary>
public static class TestSilo
{
    /// <param name="settings">Configuration keys, over the test defaults: give it <see cref="ClusterSettings"/> at least.</param>
    /// <param name="logs">Receives the silo's log lines: warnings and worse, unless <paramref name="settings"/> say otherwise.</param>
    /// <param name="services">Applied to the silo's services after its own setup.</param>
    public static IHost Build(
        IEnumerable<KeyValuePair<string, string>> settings, CapturedLogs? logs = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string>
        {
            ["Silo:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Silo:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        }.Concat(settings).Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value)));
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.AddRecentsSilo();
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>The settings that make a silo, or an API's cluster client, part of the cluster <paramref name="clusterId"/>.</summary>
    public static IReadOnlyDictionary<string, string> ClusterSettings(string storageConnectionString, string clusterId) =>
        new Dictionary<string, string>
        {
            ["Cluster:StorageConnectionString"] = storageConnectionString,
            ["Cluster:ServiceId"] = clusterId,
            ["Cluster:ClusterId"] = clusterId,
        };
}
