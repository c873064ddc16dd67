namespace Recents.Directory;

/// <summary>An iModel of the directory, keyed by its id.</summary>
[Alias("recents.IIModelGrain")]
public interface IIModelGrain : IGrainWithGuidKey
{
    /// <summary>The stored iModel, or null when none was stored or it was deleted.</summary>
    [Alias("Get")]
    Task<IModelDetails?> GetAsync();

    /// <summary>
    /// Stores the iModel; false, and nothing stored, when it exists in another iTwin. An iModel never moves
    /// between iTwins, which is why a recents entry may keep its iTwin id for listing.
    /// </summary>
    [Alias("Set")]
    Task<bool> SetAsync(IModelDetails details);

    [Alias("Delete")]
    Task DeleteAsync();
}
