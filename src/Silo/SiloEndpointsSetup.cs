using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Recents.Silo;

public static class SiloEndpointsSetup
{
    /// <summary>
    /// Binds <see cref="SiloEndpointOptions"/>, refuses to start on an advertised address that is not an IP address, and
    /// gives Orleans' <see cref="EndpointOptions"/> its addresses and ports.
    /// </summary>
    public static IServiceCollection AddSiloEndpoints(this IServiceCollection services)
    {
        services.AddOptions<SiloEndpointOptions>()
            .BindConfiguration(SiloEndpointOptions.SectionName)
            .Validate(
                options => IPAddress.TryParse(options.AdvertisedIPAddress, out _),
                $"{SiloEndpointOptions.SectionName}:{nameof(SiloEndpointOptions.AdvertisedIPAddress)} must be an IP address.")
            .Validate(
                options => options.MetricsPort is >= 0 and <= IPEndPoint.MaxPort,
                $"{SiloEndpointOptions.SectionName}:{nameof(SiloEndpointOptions.MetricsPort)} must be a port number, or 0 for none.")
            .ValidateOnStart();
        services.AddOptions<EndpointOptions>().Configure<IOptions<SiloEndpointOptions>>((options, configured) =>
        {
            var endpoints = configured.Value;
            options.AdvertisedIPAddress = IPAddress.Parse(endpoints.AdvertisedIPAddress);
            options.SiloPort = endpoints.SiloPort;
            options.GatewayPort = endpoints.GatewayPort;
            if (endpoints.ListenOnAnyHostAddress)
            {
                options.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, endpoints.SiloPort);
                options.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, endpoints.GatewayPort);
            }
        });
        return services;
    }
}
