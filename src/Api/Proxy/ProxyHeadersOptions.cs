using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Recents.Api.Proxy;

/// <summary>
/// Which proxies in front of the API are trusted with <c>X-Forwarded-For/Proto/Host</c>; the <c>ForwardedHeaders</c>
/// section. A request's forwarded headers count only when its connection comes from one of them.
/// </summary>
public sealed class ProxyHeadersOptions : IValidatableObject
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Honour the forwarded headers of the proxies named below; on, at least one must be named.</summary>
    public bool Enabled { get; set; }

    /// <summary>IP addresses of trusted proxies, such as <c>10.1.2.3</c> or <c>::1</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, such as <c>10.244.0.0/16</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<IPAddress> ProxyAddresses() =>
        KnownProxies.Select(text => TryParseAddress(text, out var address) ? address : null).OfType<IPAddress>();

    public IEnumerable<IPNetwork> ProxyNetworks() =>
        KnownNetworks.Select(text => TryParseNetwork(text, out var network) ? network : (IPNetwork?)null).OfType<IPNetwork>();

    /// <summary>Checked at start (<c>ValidateOnStart</c>): every address and network parses, and forwarding names a proxy.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < KnownProxies.Count; i++)
        {
            if (!TryParseAddress(KnownProxies[i], out _))
            {
                yield return new ValidationResult(
                    $"{SectionName}:{nameof(KnownProxies)}:{i}: '{KnownProxies[i]}' is not an IP address (such as 10.1.2.3 or ::1).");
            }
        }

        for (var i = 0; i < KnownNetworks.Count; i++)
        {
            if (!TryParseNetwork(KnownNetworks[i], out _))
            {
                yield return new ValidationResult(
                    $"{SectionName}:{nameof(KnownNetworks)}:{i}: '{KnownNetworks[i]}' is not a network in CIDR notation (such as "
                    + "10.244.0.0/16, with every address bit past the prefix length zero).");
            }
        }

        if (Enabled && KnownProxies.Count == 0 && KnownNetworks.Count == 0)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(Enabled)} is true but neither {SectionName}:{nameof(KnownProxies)} nor "
                + $"{SectionName}:{nameof(KnownNetworks)} names a proxy whose forwarded headers to trust (for one on this host, "
                + "127.0.0.1 or ::1).");
        }
    }

    private static bool TryParseAddress(string text, out IPAddress address) =>
        IPAddress.TryParse(text, out address!) && IsWrittenPlainly(address, text);

    private static bool TryParseNetwork(string text, out IPNetwork network) =>
        IPNetwork.TryParse(text, out network) && IsWrittenPlainly(network.BaseAddress, text[..text.IndexOf('/')]);

    /// <summary>
    /// IPv4 as four decimal numbers, IPv6 with colons, and a network's address with no bit set past its prefix: the
    /// parsers also read forms that seldom mean what they say, such as <c>10</c> (0.0.0.10), <c>010.0.0.1</c> (8.0.0.1)
    /// or <c>10.0.0.1/8</c> (10.0.0.0/8).
    /// </summary>
    private static bool IsWrittenPlainly(IPAddress address, string text) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? text.Contains(':', StringComparison.Ordinal)
            : address.ToString() == text;
}
