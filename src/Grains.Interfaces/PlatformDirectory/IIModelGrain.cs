using Orleans.Concurrency;

namespace Recents.PlatformDirectory;

/// <summary>
/// An iModel of the directory, keyed by its id: which iTwin it belongs to. Its details are kept by that iTwin
/// (<see cref="IITwinGrain"/>), so that a list reads all of them in one call.
/// </summary>
[Alias("recents.IIModelGrain")]
public interface IIModelGrain : IGrainWithGuidKey
{
    /// <summary>The stored iModel, or null when none was stored or it was deleted.</summary>
    [Alias("Get")]
    [ReadOnly]
    Task<IModelDetails?> GetAsync();

    /// <summary>
    /// The iTwin the iModel is bound to: the first one it was stored in, kept after a deletion. Null when it was never
    /// stored. An iModel never moves between iTwins, which is why a recents entry may keep its iTwin id.
    /// </summary>
    [Alias("GetITwinId")]
    [ReadOnly]
    Task<Guid?> GetITwinIdAsync();

    /// <summary>Stores the iModel in its iTwin, unless it is bound to another iTwin or its iTwin has no room left.</summary>
    [Alias("Set")]
    Task<IModelStoreResult> SetAsync(IModelDetails details);

    /// <summary>Deletes the iModel; it stays bound to its iTwin.</summary>
    [Alias("Delete")]
    Task DeleteAsync();
}
