namespace Recents.Silo;

/// <summary>Where the silo keeps grain state, bound from the <c>GrainState</c> configuration section.</summary>
public sealed class GrainStateOptions
{
    public const string SectionName = "GrainState";

    public GrainStateKind Kind { get; set; } = GrainStateKind.AzureTable;
}

public enum GrainStateKind
{
    /// <summary>Azure Table storage (Azurite locally): the service's storage.</summary>
    AzureTable,

    /// <summary>
    /// Orleans memory grain storage under the same provider name: for benchmarks only (it takes storage out of
    /// the measurement); every list and directory entry is lost when the silo stops.
    /// </summary>
    Memory,
}
