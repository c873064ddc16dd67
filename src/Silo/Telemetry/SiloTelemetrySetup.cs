using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using Recents.Hosting.Telemetry;

namespace Recents.Silo.Telemetry;

public static class SiloTelemetrySetup
{
    public const string ScrapePath = "/metrics";

    /// <summary>
    /// The silo's metrics, traces and logs (<see cref="TelemetrySetup.AddRecentsTelemetry"/>), and, when
    /// <c>Silo:MetricsPort</c> is set, a Prometheus scrape endpoint on an HTTP listener of its own: the silo serves no
    /// other HTTP, so it needs no web server.
    /// </summary>
    public static IHostApplicationBuilder AddSiloTelemetry(this IHostApplicationBuilder builder)
    {
        var telemetry = builder.AddRecentsTelemetry(RecentsTelemetry.SiloServiceName);
        // Read here, while services are registered, because it decides whether the listener is registered at all.
        var endpoints = builder.Configuration.GetSection(SiloEndpointOptions.SectionName).Get<SiloEndpointOptions>() ?? new();
        if (endpoints.MetricsPort is > 0 and <= ushort.MaxValue)
        {
            telemetry.WithMetrics(metrics => metrics.AddPrometheusHttpListener(listener => Listen(listener, endpoints)));
        }

        return builder;
    }

    /// <summary>The listener's host: the advertised address, or every interface (containers).</summary>
    public static string ScrapeHost(SiloEndpointOptions endpoints) =>
        endpoints.ListenOnAnyHostAddress ? "*" : endpoints.AdvertisedIPAddress;

    private static void Listen(PrometheusHttpListenerOptions listener, SiloEndpointOptions endpoints)
    {
        listener.Port = endpoints.MetricsPort;
        listener.ScrapeEndpointPath = ScrapePath;
        if (!endpoints.ListenOnAnyHostAddress)
        {
            listener.Host = endpoints.AdvertisedIPAddress;
            return;
        }

        // The exporter makes its prefix from Host with UriBuilder, which refuses the wildcard host; so its prefix is
        // replaced, as the exporter's README shows. The wildcard also accepts any Host header (the pod IP, say).
        listener.ConfigureHttpListener = (_, http) =>
        {
            http.Prefixes.Clear();
            http.Prefixes.Add($"http://{ScrapeHost(endpoints)}:{endpoints.MetricsPort}{ScrapePath}/");
        };
    }
}
