using Recents.Directory;

namespace Recents.Grains.Directory;

/// <summary>Stored state of <see cref="IModelGrain"/>.</summary>
[GenerateSerializer, Alias("recents.IModelGrainState.v1")]
public sealed class IModelGrainState
{
    /// <summary>The iModel, or null when none was stored or it was deleted.</summary>
    [Id(0)]
    public IModelDetails? Details { get; set; }

    /// <summary>The iTwin the iModel belongs to, kept after a deletion: an iModel id never moves to another iTwin.</summary>
    [Id(1)]
    public Guid? ITwinId { get; set; }
}
