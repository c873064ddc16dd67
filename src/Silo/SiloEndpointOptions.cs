namespace Recents.Silo;

/// <summary>Where this silo listens, bound from the <c>Silo</c> configuration section.</summary>
public sealed class SiloEndpointOptions
{
    public const string SectionName = "Silo";

    /// <summary>The address other silos and clients reach this silo on; loopback for a one-machine setup.</summary>
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";

    /// <summary>Silo-to-silo port. Every silo on one machine needs its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port that clients (the API) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Port of the silo's Prometheus scrape endpoint (<c>/metrics</c>), on the advertised address (or every interface,
    /// with <see cref="ListenOnAnyHostAddress"/>); 0, the default, serves no scrape endpoint.
    /// </summary>
    public int MetricsPort { get; set; }

    /// <summary>Listen on every interface instead of only the advertised address (containers).</summary>
    public bool ListenOnAnyHostAddress { get; set; }
}
