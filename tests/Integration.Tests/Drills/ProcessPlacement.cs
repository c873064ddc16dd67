using System.Net;

namespace Recents.Integration.Tests.Drills;

/// <summary>
/// Where one process of a <see cref="ServiceCluster"/> runs: the address it listens on (and, for a silo, advertises),
/// the command prefix that starts it there (none for the test's own network), and the storage it is given.
/// </summary>
internal sealed record ProcessPlacement(IPAddress Address, IReadOnlyList<string> Launcher, string StorageConnectionString)
{
    /// <summary>On loopback, beside the test, with storage as it is.</summary>
    public static ProcessPlacement Loopback(string storageConnectionString) => new(IPAddress.Loopback, [], storageConnectionString);
}
