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

    private static IHost BuildSilo(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Never connected to: the silo is not started.
            ["Cluster:StorageConnectionString"] = "UseDevelopmentStorage=true",
        }.Concat(settings));
        builder.AddRecentsSilo();
        return builder.Build();
    }

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
