namespace Recents.Grains.Directory;

/// <summary>Stored state of <see cref="IModelGrain"/>. Its field 0, the iModel's details, moved to its iTwin's state.</summary>
[GenerateSerializer, Alias("recents.IModelGrainState.v1")]
public sealed class IModelGrainState
{
    /// <summary>The iTwin the iModel belongs to, kept after a deletion: an iModel id never moves to another iTwin.</summary>
    [Id(1)]
    public Guid? ITwinId { get; set; }
}
