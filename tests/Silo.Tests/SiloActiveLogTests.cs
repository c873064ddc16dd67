using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Recents.Silo.Tests;

/// <summary>The one line a silo logs once it has joined the cluster, which <c>./run.sh</c> waits for.</summary>
public sealed class SiloActiveLogTests
{
    [Fact]
    public async Task SiloStart_OnceJoined_LogsThatItIsActiveInItsCluster()
    {
        var clusterId = $"silo-tests-{Guid.NewGuid():N}";
        var logs = new CapturedLogs();
        var settings = TestSilo.ClusterSettings(TestStorage.ConnectionString, clusterId)
            .Append(KeyValuePair.Create("Logging:LogLevel:Recents.Silo.SiloActiveLog", "Information"));
        using var host = TestSilo.Build(settings, logs);

        await host.StartAsync();
        try
        {
            var active = Assert.Single(logs.Lines, line => line.Message.Contains("is active in cluster", StringComparison.Ordinal));
            Assert.Equal(LogLevel.Information, active.Level);
            Assert.Contains(clusterId, active.Message, StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
