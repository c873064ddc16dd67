namespace Recents.Grains.PlatformDirectory;

/// <summary>Stored state of <see cref="IModelGrain"/>.</summary>
[GenerateSerializer, Alias("recents.IModelGrainState.v1")]
public sealed class IModelGrainState
{
    // Id 0 is retired, never to be reused: rows of an older layout hold the iModel's details there, and they load with
    // the details ignored (the iTwin's grain keeps them).

    /// <summary>
    /// The iTwin the iModel belongs to, kept after a deletion: an iModel id never moves to another iTwin. Null when it
    /// was never stored (or its first store was refused).
    /// </summary>
    [Id(1)]
    public Guid? ITwinId { get; set; }
}
