using Orleans.Concurrency;

namespace Recents.PlatformDirectory;

/// <summary>An iTwin of the directory, keyed by its id. The grain also holds the iTwin's iModels, which only the silo reaches.</summary>
[Alias("recents.IITwinGrain")]
public interface IITwinGrain : IGrainWithGuidKey
{
    /// <summary>The stored iTwin, or null when none was stored.</summary>
    [Alias("Get")]
    [ReadOnly]
    Task<ITwinDetails?> GetAsync();

    [Alias("Set")]
    Task SetAsync(ITwinDetails details);
}
