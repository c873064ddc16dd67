using System.Globalization;
using Microsoft.Extensions.Configuration;
using Recents.Api.Management;

namespace Recents.Deployment.Tests.Infrastructure;

/// <summary>
/// The ports the API listens on (ASPNETCORE_HTTP_PORTS, or the ports of ASPNETCORE_URLS, which takes precedence), and
/// which of them is the management port (<see cref="ManagementOptions.Port"/>).
/// </summary>
internal sealed record ApiPorts(IReadOnlyList<int> Listening, int? Management)
{
    /// <summary>As the API's pod runs it: the image's variables, then the Deployment's.</summary>
    public static ApiPorts InPod => Of(ServiceProcess.Api.Configuration());

    /// <summary>As the image alone sets them (no Kubernetes).</summary>
    public static ApiPorts InImage => Of(ServiceProcess.Api.ImageConfiguration());

    /// <summary>The port of the API's routes and probes: the one port that is not the management port.</summary>
    public int Public => Listening.Single(port => port != Management);

    private static ApiPorts Of(IConfiguration configuration)
    {
        var management = configuration.GetSection(ManagementOptions.SectionName).Get<ManagementOptions>()?.Port;
        if (configuration["ASPNETCORE_URLS"] is { } urls)
        {
            var ports = urls.Split(';').Select(url => new Uri(url.Replace("+", "localhost", StringComparison.Ordinal)
                .Replace("*", "localhost", StringComparison.Ordinal)).Port);
            return new ApiPorts([.. ports], management);
        }

        var httpPorts = configuration["ASPNETCORE_HTTP_PORTS"];
        Assert.True(httpPorts is not null, "Neither ASPNETCORE_URLS nor ASPNETCORE_HTTP_PORTS is set");
        return new ApiPorts([.. httpPorts.Split(';').Select(port => int.Parse(port, CultureInfo.InvariantCulture))], management);
    }
}
