using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Storage;
using Recents.Grains.Storage;
using Recents.Silo;

namespace Recents.Silo.Tests;

/// <summary>The silo's benchmark settings reach what they configure (the silo is built, not started: no storage).</summary>
public sealed class SiloSettingsTests
{
    [Fact]
    public void GrainCollection_Set_BindsToOrleansOptionsAndPassesTheirValidation()
    {
        using var silo = BuildSilo(new()
        {
            ["GrainCollection:CollectionAge"] = "00:01:00",
            ["GrainCollection:CollectionQuantum"] = "00:00:10",
        });

        var options = silo.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(1), options.CollectionAge);
        Assert.Equal(TimeSpan.FromSeconds(10), options.CollectionQuantum);
        ValidateGrainCollection(silo);
    }

    [Fact]
    public void GrainCollection_NotSet_KeepsOrleansDefaults()
    {
        using var silo = BuildSilo([]);

        var options = silo.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;

        // The values docs/operations.md#membership-timing gives for Orleans 10.4.2.
        Assert.Equal(TimeSpan.FromMinutes(15), options.CollectionAge);
        Assert.Equal(TimeSpan.FromMinutes(1), options.CollectionQuantum);
    }

    [Fact]
    public void GrainCollection_AgeNotAboveTheQuantum_IsRefusedByOrleans()
    {
        // Orleans' quantum is 1 minute by default: a 1 minute age alone does not start.
        using var silo = BuildSilo(new() { ["GrainCollection:CollectionAge"] = "00:01:00" });

        Assert.Throws<OrleansConfigurationException>(() => ValidateGrainCollection(silo));
    }

    [Theory]
    [InlineData(null, "AzureTableGrainStorage")]
    [InlineData("AzureTable", "AzureTableGrainStorage")]
    [InlineData("Memory", "MemoryGrainStorage")]
    [InlineData("memory", "MemoryGrainStorage")]
    public void GrainStateKind_Set_ChoosesTheStorageBehindTheRecentsProvider(string? kind, string storageType)
    {
        using var silo = BuildSilo(kind is null ? [] : new() { ["GrainState:Kind"] = kind });

        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);

        Assert.Equal(storageType, storage.GetType().Name);
    }

    [Fact]
    public void GrainStateKind_Unknown_StopsTheSiloSetup()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => BuildSilo(new() { ["GrainState:Kind"] = "Disk" }));

        Assert.Contains("Kind", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClusterConnection_WithoutStorageConnectionString_IsRefusedAtStartNamingTheSetting()
    {
        using var silo = BuildSilo(new() { ["Cluster:StorageConnectionString"] = "" });

        var refusal = Assert.Throws<OptionsValidationException>(() => ValidateAtStart(silo));

        Assert.Contains("Cluster:StorageConnectionString", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AdvertisedIPAddress_NotAnIPAddress_IsRefusedAtStartNamingTheSetting()
    {
        using var silo = BuildSilo(new() { ["Silo:AdvertisedIPAddress"] = "silo-1.local" });

        var refusal = Assert.Throws<OptionsValidationException>(() => ValidateAtStart(silo));

        Assert.Contains("Silo:AdvertisedIPAddress", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Endpoints_Set_ReachOrleansEndpointOptions(bool listenOnAnyHostAddress)
    {
        using var silo = BuildSilo(new()
        {
            ["Silo:AdvertisedIPAddress"] = "10.1.2.3",
            ["Silo:SiloPort"] = "21111",
            ["Silo:GatewayPort"] = "31000",
            ["Silo:ListenOnAnyHostAddress"] = listenOnAnyHostAddress.ToString(),
        });

        ValidateAtStart(silo);
        var endpoints = silo.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;

        Assert.Equal(IPAddress.Parse("10.1.2.3"), endpoints.AdvertisedIPAddress);
        Assert.Equal(21111, endpoints.SiloPort);
        Assert.Equal(31000, endpoints.GatewayPort);
        Assert.Equal(listenOnAnyHostAddress ? new IPEndPoint(IPAddress.Any, 21111) : null, endpoints.SiloListeningEndpoint);
        Assert.Equal(listenOnAnyHostAddress ? new IPEndPoint(IPAddress.Any, 31000) : null, endpoints.GatewayListeningEndpoint);
    }

    [Fact]
    public void ClusterConnection_Set_ReachesOrleansClusterOptions()
    {
        using var silo = BuildSilo(new() { ["Cluster:ClusterId"] = "blue", ["Cluster:ServiceId"] = "recents-test" });

        var cluster = silo.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;

        Assert.Equal("blue", cluster.ClusterId);
        Assert.Equal("recents-test", cluster.ServiceId);
    }

    private static IHost BuildSilo(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Never connected to: the silo is not started.
            ["Cluster:StorageConnectionString"] = "UseDevelopmentStorage=true",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRecentsSilo();
        return builder.Build();
    }

    /// <summary>The check of every <c>ValidateOnStart</c> section, which the host runs first when it starts.</summary>
    private static void ValidateAtStart(IHost silo) => silo.Services.GetRequiredService<IStartupValidator>().Validate();

    /// <summary>What Orleans runs on GrainCollectionOptions as the silo starts.</summary>
    private static void ValidateGrainCollection(IHost silo)
    {
        var validators = silo.Services.GetServices<IConfigurationValidator>()
            .Where(validator => validator.GetType().Name == "GrainCollectionOptionsValidator")
            .ToList();
        Assert.NotEmpty(validators);
        foreach (var validator in validators)
        {
            validator.ValidateConfiguration();
        }
    }
}
