using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Recents.Api.Proxy;
using Recents.Deployment.Tests.Infrastructure;

namespace Recents.Deployment.Tests;

/// <summary>
/// The API Deployment trusts the forwarded headers of the ingress's network only, and hands out links under its public
/// base URL: the pod's settings, through the API's own setup and its checks at start.
/// </summary>
public sealed class ApiProxyTrustTests
{
    private static readonly IReadOnlyDictionary<string, string> Variables =
        ServiceProcess.Api.ContainerVariables().ToDictionary(variable => variable.Name, variable => variable.Value);

    [Fact]
    public void ForwardedHeaders_InThePod_AreTrustedFromTheIngressNetworkOnly()
    {
        using var app = ApiWithPodSettings();

        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.True(options.ForwardedHeaders.HasFlag(ForwardedHeaders.XForwardedHost));
        var network = Assert.Single(options.KnownIPNetworks);
        Assert.Equal(Variables["ForwardedHeaders__KnownNetworks__0"], network.ToString());
        // Not every peer (0.0.0.0/0), and no loopback proxy, which the middleware would otherwise trust by default.
        Assert.True(network.PrefixLength >= 8, $"{network} trusts too wide a network");
        Assert.Empty(options.KnownProxies);
    }

    [Fact]
    public void PublicBaseUrl_InThePod_IsHttpsAndEveryLinkStartsWithItWhateverTheHost()
    {
        using var app = ApiWithPodSettings();
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString("attacker.example");
        request.Path = "/imodels/recents";

        var url = app.Services.GetRequiredService<PublicOrigin>().Url(request, new QueryString("?$top=1"));

        var publicBaseUrl = Variables["Links__PublicBaseUrl"];
        Assert.StartsWith("https://", publicBaseUrl, StringComparison.Ordinal);
        Assert.Equal($"{publicBaseUrl.TrimEnd('/')}/imodels/recents?$top=1", url);
    }

    /// <summary>The API's proxy and link setup on the pod's configuration, checked as the host checks it at start.</summary>
    private static WebApplication ApiWithPodSettings()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(ServiceProcess.Api.Configuration());
        builder.Services.AddProxyHeaders();
        builder.Services.AddPublicOrigin();
        var app = builder.Build();
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        return app;
    }
}
