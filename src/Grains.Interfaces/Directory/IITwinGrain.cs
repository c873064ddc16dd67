using Orleans.Concurrency;

namespace Recents.Directory;

/// <summary>An iTwin of the directory, keyed by its id.</summary>
[Alias("recents.IITwinGrain")]
public interface IITwinGrain : IGrainWithGuidKey
{
    [Alias("Get")]
    [ReadOnly]
    Task<ITwinDetails?> GetAsync();

    [Alias("Set")]
    Task SetAsync(ITwinDetails details);
}
