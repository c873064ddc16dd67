using Microsoft.Extensions.Configuration;
using Recents.Deployment.Tests.Infrastructure;
using Recents.Hosting;

namespace Recents.Deployment.Tests;

/// <summary>Silos and API processes form one cluster and read the same storage account.</summary>
public sealed class SharedSettingsTests
{
    internal const string SecretName = "recents-storage";
    internal const string SecretKey = "connection-string";

    [Fact]
    public void ClusterSettings_OfSilosAndApi_JoinTheSameCluster()
    {
        var silo = Cluster(ServiceProcess.Silo);
        var api = Cluster(ServiceProcess.Api);

        Assert.Equal(silo.ServiceId, api.ServiceId);
        Assert.Equal(silo.ClusterId, api.ClusterId);
        Assert.Equal(silo.MembershipTableName, api.MembershipTableName);
    }

    [Theory]
    [InlineData(ServiceProcess.Silo)]
    [InlineData(ServiceProcess.Api)]
    public void StorageConnectionString_OfEveryContainer_ComesFromTheSecret(ServiceProcess process)
    {
        var variable = process.Deployment().OnlyContainer().Env.Single(candidate => candidate.Name == "Cluster__StorageConnectionString");

        Assert.Null(variable.Value);
        Assert.Equal(SecretName, variable.ValueFrom?.SecretKeyRef?.Name);
        Assert.Equal(SecretKey, variable.ValueFrom?.SecretKeyRef?.Key);
    }

    private static ClusterConnectionOptions Cluster(ServiceProcess process) =>
        process.Configuration().GetSection(ClusterConnectionOptions.SectionName).Get<ClusterConnectionOptions>() ?? new();
}
