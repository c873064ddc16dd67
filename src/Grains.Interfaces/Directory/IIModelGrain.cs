namespace Recents.Directory;

/// <summary>An iModel of the directory, keyed by its id.</summary>
[Alias("recents.IIModelGrain")]
public interface IIModelGrain : IGrainWithGuidKey
{
    /// <summary>The stored iModel, or null when none was stored or it was deleted.</summary>
    [Alias("Get")]
    Task<IModelDetails?> GetAsync();

    [Alias("Set")]
    Task SetAsync(IModelDetails details);

    [Alias("Delete")]
    Task DeleteAsync();
}
