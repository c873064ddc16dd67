using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Recents.Api.Errors;
using Recents.Api.Management;
using Recents.Api.Proxy;
using Recents.Api.RateLimiting;
using Recents.Hosting;

namespace Recents.Unit.Tests.Api.Settings;

/// <summary>
/// The API's settings as its registrations bind them, and what the host refuses before it serves anything (the
/// check <c>ValidateOnStart</c> hands to the host's start, called here directly: nothing is started).
/// </summary>
public sealed class ApiSettingsTests
{
    [Fact]
    public void ClusterConnection_WithoutStorageConnectionString_IsRefusedAtStartNamingTheSetting()
    {
        var services = Services([]).AddClusterConnection().Services;

        var refusal = Assert.Throws<OptionsValidationException>(() => ValidateAtStart(services));

        Assert.Contains("Cluster:StorageConnectionString", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClusterConnection_Set_BindsEveryValue()
    {
        var services = Services(new()
        {
            ["Cluster:StorageConnectionString"] = "UseDevelopmentStorage=true",
            ["Cluster:ClusterId"] = "blue",
            ["Cluster:ResponseTimeout"] = "00:00:07",
        }).AddClusterConnection().Services;

        ValidateAtStart(services);
        var options = services.BuildServiceProvider().GetRequiredService<IOptions<ClusterConnectionOptions>>().Value;

        Assert.Equal("blue", options.ClusterId);
        Assert.Equal(TimeSpan.FromSeconds(7), options.ResponseTimeout);
        Assert.Equal("recents", options.ServiceId);
    }

    [Theory]
    [InlineData("RateLimits:DefaultTier", "gold", "tier 'gold' is used but not defined")]
    [InlineData("RateLimits:Clients:app-1", "gold", "tier 'gold' is used but not defined")]
    [InlineData("RateLimits:Tiers:standard:RequestsPerMinute", "0", "must be at least 1")]
    [InlineData("RateLimits:MaxPermitsPerLease", "0", "MaxPermitsPerLease must be at least 1")]
    public void RateLimits_Invalid_AreRefusedAtStartNamingTheProblem(string key, string value, string expected)
    {
        var settings = StandardTier();
        settings[key] = value;
        var services = Services(settings).AddPerClientRateLimiting();

        var refusal = Assert.Throws<OptionsValidationException>(() => ValidateAtStart(services));

        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RateLimits_Disabled_NeedNoTiers()
    {
        var services = Services(new() { ["RateLimits:Enabled"] = "false", ["RateLimits:DefaultTier"] = "gold" }).AddPerClientRateLimiting();

        ValidateAtStart(services);
    }

    [Fact]
    public void RateLimits_StandardTier_IsAccepted()
    {
        var services = Services(StandardTier()).AddPerClientRateLimiting();

        ValidateAtStart(services);
        var options = services.BuildServiceProvider().GetRequiredService<IOptions<RateLimitOptions>>().Value;

        Assert.Equal(new Recents.RateLimiting.RequestBudget(600, 20000), options.BudgetOf("any-client"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Unavailability_RetryAfterBelowOneSecond_IsRefusedAtStart(string seconds)
    {
        var services = Services(new() { ["Unavailability:RetryAfterSeconds"] = seconds }).AddErrorEnvelope();

        var refusal = Assert.Throws<OptionsValidationException>(() => ValidateAtStart(services));

        Assert.Contains("RetryAfterSeconds", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, ForwardedHeaders.None)]
    [InlineData("false", ForwardedHeaders.None)]
    [InlineData("true", ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost)]
    public void ProxyHeaders_Enabled_DecidesWhichForwardedHeadersAreProcessed(string? enabled, ForwardedHeaders expected)
    {
        var services = Services(enabled is null ? [] : new() { ["ForwardedHeaders:Enabled"] = enabled }).AddProxyHeaders();

        var options = services.BuildServiceProvider().GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Equal(expected, options.ForwardedHeaders);
        Assert.Empty(options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    public void Management_PortOutOfRange_IsRefusedAtStartNamingIt(string port)
    {
        var services = Services(new() { ["Management:Port"] = port }).AddManagement();

        var refusal = Assert.Throws<OptionsValidationException>(() => ValidateAtStart(services));

        Assert.Contains(nameof(ManagementOptions.Port), refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("9464", 9464)]
    public void Management_PortUnsetOrValid_IsAcceptedAsGiven(string? port, int? expected)
    {
        var services = Services(port is null ? [] : new() { ["Management:Port"] = port }).AddManagement();

        ValidateAtStart(services);
        var options = services.BuildServiceProvider().GetRequiredService<IOptions<ManagementOptions>>().Value;

        Assert.Equal(expected, options.Port);
    }

    private static Dictionary<string, string?> StandardTier() => new()
    {
        ["RateLimits:DefaultTier"] = "standard",
        ["RateLimits:Tiers:standard:RequestsPerMinute"] = "600",
        ["RateLimits:Tiers:standard:RequestsPerHour"] = "20000",
    };

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services;
    }

    private static void ValidateAtStart(IServiceCollection services) =>
        services.BuildServiceProvider().GetRequiredService<IStartupValidator>().Validate();
}
