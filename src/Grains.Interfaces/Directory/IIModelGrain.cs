using Orleans.Concurrency;

namespace Recents.Directory;

/// <summary>An iModel of the directory, keyed by its id.</summary>
[Alias("recents.IIModelGrain")]
public interface IIModelGrain : IGrainWithGuidKey
{
    /// <summary>The stored iModel, or null when none was stored or it was deleted.</summary>
    [Alias("Get")]
    [ReadOnly]
    Task<IModelDetails?> GetAsync();

    /// <summary>
    /// Stores the iModel; false, and nothing stored, when it belongs to another iTwin (also if it was deleted
    /// there). An iModel never moves between iTwins, which is why a recents entry may keep its iTwin id.
    /// </summary>
    [Alias("Set")]
    Task<bool> SetAsync(IModelDetails details);

    /// <summary>Deletes the iModel; it stays bound to its iTwin.</summary>
    [Alias("Delete")]
    Task DeleteAsync();
}
