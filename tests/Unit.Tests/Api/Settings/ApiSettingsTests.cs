using System.Net;
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
    [InlineData("true", ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost)]
    public void ProxyHeaders_Enabled_DecidesWhichForwardedHeadersAreProcessed(string? enabled, ForwardedHeaders expected)
    {
        var settings = new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "10.1.2.3" };
        if (enabled is not null)
        {
            settings["ForwardedHeaders:Enabled"] = enabled;
        }

        var services = Services(settings).AddProxyHeaders();

        ValidateAtStart(services);
        var options = services.BuildServiceProvider().GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        Assert.Equal(expected, options.ForwardedHeaders);
    }

    [Fact]
    public void ProxyHeaders_KnownProxiesAndNetworks_AreTheOnlyOnesTheMiddlewareTrusts()
    {
        var services = Services(new()
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:KnownProxies:0"] = "10.1.2.3",
            ["ForwardedHeaders:KnownProxies:1"] = "fd00::7",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.244.0.0/16",
            ["ForwardedHeaders:KnownNetworks:1"] = "fd00:1::/64",
        }).AddProxyHeaders();

        ValidateAtStart(services);
        var options = services.BuildServiceProvider().GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        // Not loopback, which the middleware trusts by default.
        Assert.Equal([IPAddress.Parse("10.1.2.3"), IPAddress.Parse("fd00::7")], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("10.244.0.0/16"), System.Net.IPNetwork.Parse("fd00:1::/64")], options.KnownIPNetworks);
        Assert.Equal(1, options.ForwardLimit);
    }

    [Fact]
    public void ProxyHeaders_EnabledWithoutAnyProxy_IsRefusedAtStartNamingBothLists()
    {
        var services = Services(new() { ["ForwardedHeaders:Enabled"] = "true" }).AddProxyHeaders();

        var refusal = Assert.Throws<OptionsValidationException>(() => ValidateAtStart(services));

        Assert.Contains("ForwardedHeaders:KnownProxies", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("ForwardedHeaders:KnownNetworks", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProxyHeaders_DisabledWithoutAnyProxy_IsAccepted()
    {
        var services = Services(new() { ["ForwardedHeaders:Enabled"] = "false" }).AddProxyHeaders();

        ValidateAtStart(services);
    }

    [Theory]
    [InlineData("KnownProxies", "")]
    [InlineData("KnownProxies", "proxy.internal")]
    [InlineData("KnownProxies", "10")]
    [InlineData("KnownProxies", "010.0.0.1")]
    [InlineData("KnownProxies", "10.0.0.256")]
    [InlineData("KnownProxies", "10.0.0.0/8")]
    [InlineData("KnownNetworks", "10.0.0.0")]
    [InlineData("KnownNetworks", "10.0.0.0/33")]
    [InlineData("KnownNetworks", "10.0.0.1/8")]
    [InlineData("KnownNetworks", "10/8")]
    [InlineData("KnownNetworks", "fd00::/129")]
    [InlineData("KnownNetworks", "any")]
    public void ProxyHeaders_AddressOrNetworkThatDoesNotParse_IsRefusedAtStartNamingTheSettingAndValue(string list, string value)
    {
        var services = Services(new()
        {
            ["ForwardedHeaders:Enabled"] = "true",
            [$"ForwardedHeaders:{list}:0"] = list == "KnownProxies" ? "10.1.2.3" : "10.244.0.0/16",
            [$"ForwardedHeaders:{list}:1"] = value,
        }).AddProxyHeaders();

        var refusal = Assert.Throws<OptionsValidationException>(() => ValidateAtStart(services));

        Assert.Contains($"ForwardedHeaders:{list}:1: '{value}'", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://recents.example.com")]
    [InlineData("http://localhost:5080/recents/")]
    public void Links_PublicBaseUrlUnsetOrAbsoluteHttp_IsAccepted(string? url)
    {
        var services = Services(url is null ? [] : new() { ["Links:PublicBaseUrl"] = url }).AddPublicOrigin();

        ValidateAtStart(services);
    }

    [Theory]
    [InlineData("recents.example.com")]
    [InlineData("/recents")]
    [InlineData("ftp://recents.example.com")]
    [InlineData("https://user:secret@recents.example.com")]
    [InlineData("https://recents.example.com/?tenant=a")]
    [InlineData("https://recents.example.com/?")]
    [InlineData("https://recents.example.com/#top")]
    [InlineData("https://")]
    public void Links_PublicBaseUrlNotAnAbsoluteHttpUrl_IsRefusedAtStartNamingTheSetting(string url)
    {
        var services = Services(new() { ["Links:PublicBaseUrl"] = url }).AddPublicOrigin();

        var refusal = Assert.Throws<OptionsValidationException>(() => ValidateAtStart(services));

        Assert.Contains($"Links:PublicBaseUrl: '{url}'", refusal.Message, StringComparison.Ordinal);
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
