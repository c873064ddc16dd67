using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Recents.Integration.Tests.Processes;

/// <summary>
/// A Linux network namespace of the test's own, joined to the test's namespace by two point-to-point links, so that
/// one of them can be cut while the other stays up:
/// <list type="bullet">
/// <item>the <b>cluster link</b> carries silo-to-silo and gateway traffic: <see cref="ClusterAddressOutside"/> here,
/// <see cref="ClusterAddressInside"/> in the namespace;</item>
/// <item>the <b>service link</b> carries storage and client traffic: <see cref="ServiceAddressOutside"/> here,
/// <see cref="ServiceAddressInside"/> in the namespace.</item>
/// </list>
/// Neither link has a route beyond its two ends, and nothing outside this machine can reach them. Needs root
/// (CAP_NET_ADMIN) and iproute2's <c>ip</c>.
/// </summary>
internal sealed class NetworkNamespace : IDisposable
{
    private readonly string name;
    private readonly string clusterLink;
    private readonly string serviceLink;
    private readonly string clusterSubnet;
    private bool clusterLinkCut;

    private NetworkNamespace(string name, int subnet)
    {
        this.name = name;
        var suffix = name[^6..];
        clusterLink = $"rc{suffix}";
        serviceLink = $"rs{suffix}";
        clusterSubnet = $"10.213.{subnet}.0/30";
        ClusterAddressOutside = IPAddress.Parse($"10.213.{subnet}.1");
        ClusterAddressInside = IPAddress.Parse($"10.213.{subnet}.2");
        ServiceAddressOutside = IPAddress.Parse($"10.213.{subnet}.5");
        ServiceAddressInside = IPAddress.Parse($"10.213.{subnet}.6");
    }

    public IPAddress ClusterAddressOutside { get; }

    public IPAddress ClusterAddressInside { get; }

    public IPAddress ServiceAddressOutside { get; }

    public IPAddress ServiceAddressInside { get; }

    /// <summary>Why this machine cannot create one, or null when it can.</summary>
    public static string? Unavailable =>
        !Environment.IsPrivilegedProcess ? "network namespaces need root (CAP_NET_ADMIN)"
        : !File.Exists("/usr/sbin/ip") && !File.Exists("/sbin/ip") && !File.Exists("/usr/bin/ip") ? "iproute2's ip is not installed (Debian: apt-get install iproute2)"
        : null;

    public static NetworkNamespace Create()
    {
        var id = Guid.NewGuid().ToString("N")[..6];
        var subnet = Random.Shared.Next(1, 255);
        var created = new NetworkNamespace($"recents-drill-{id}", subnet);
        try
        {
            created.SetUp();
        }
        catch
        {
            created.Dispose();
            throw;
        }

        return created;
    }

    /// <summary>The command prefix that runs a command inside the namespace.</summary>
    public IReadOnlyList<string> Launcher => ["ip", "netns", "exec", name];

    /// <summary>
    /// Cuts the cluster link as a partition does: packets from the namespace are lost (its end stays up, with no
    /// carrier), and packets towards it find no route (a blackhole, so they go nowhere else either).
    /// </summary>
    public void CutClusterLink()
    {
        Ip("link", "set", clusterLink, "down");
        Ip("route", "add", "blackhole", clusterSubnet);
        clusterLinkCut = true;
    }

    public void RestoreClusterLink()
    {
        Ip("route", "del", "blackhole", clusterSubnet);
        Ip("link", "set", clusterLink, "up");
        clusterLinkCut = false;
    }

    /// <summary>Deletes the namespace, which deletes both links with it.</summary>
    public void Dispose()
    {
        if (clusterLinkCut)
        {
            TryIp("route", "del", "blackhole", clusterSubnet);
        }

        TryIp("netns", "delete", name);
        TryIp("link", "delete", clusterLink);
        TryIp("link", "delete", serviceLink);
    }

    private void SetUp()
    {
        Ip("netns", "add", name);
        Ip("-n", name, "link", "set", "lo", "up");
        Connect(clusterLink, ClusterAddressOutside, ClusterAddressInside);
        Connect(serviceLink, ServiceAddressOutside, ServiceAddressInside);
    }

    /// <summary>A veth pair: <paramref name="link"/> here, its peer (same name) inside the namespace.</summary>
    private void Connect(string link, IPAddress outside, IPAddress inside)
    {
        Ip("link", "add", link, "type", "veth", "peer", "name", link, "netns", name);
        Ip("addr", "add", $"{outside}/30", "dev", link);
        Ip("link", "set", link, "up");
        Ip("-n", name, "addr", "add", $"{inside}/30", "dev", link);
        Ip("-n", name, "link", "set", link, "up");
    }

    private static void Ip(params string[] arguments)
    {
        if (RunIp(arguments) is { } error)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)} failed: {error}");
        }
    }

    private static void TryIp(params string[] arguments) => RunIp(arguments);

    private static string? RunIp(string[] arguments)
    {
        var startInfo = new ProcessStartInfo("ip", arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"exit {process.ExitCode}: {error.Trim()}");
    }
}
