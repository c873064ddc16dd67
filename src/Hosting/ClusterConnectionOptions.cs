namespace Recents.Hosting;

/// <summary>
/// How silos and API processes find each other and the storage they share. Bound from the
/// <c>Cluster</c> configuration section (not <c>Orleans</c>, which Orleans reads itself).
/// </summary>
public sealed class ClusterConnectionOptions
{
    public const string SectionName = "Cluster";

    /// <summary>Stable across deployments: stored grain state is keyed by it.</summary>
    public string ServiceId { get; set; } = "recents";

    /// <summary>Silos and clients with the same ClusterId form one cluster.</summary>
    public string ClusterId { get; set; } = "recents-local";

    /// <summary>Azure Storage (or Azurite) connection string for grain state and cluster membership.</summary>
    public string StorageConnectionString { get; set; } = "";

    /// <summary>The Azure table where silos register and clients find gateways.</summary>
    public string MembershipTableName { get; set; } = "RecentsSiloInstances";

    /// <summary>
    /// How long the API waits for a grain call before answering 503; above the silo's storage retry budget
    /// (about 13 s) so that a storage failure is reported as such.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
