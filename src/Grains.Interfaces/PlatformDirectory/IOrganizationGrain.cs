using Orleans.Concurrency;

namespace Recents.PlatformDirectory;

/// <summary>An organization of the directory, keyed by its id.</summary>
[Alias("recents.IOrganizationGrain")]
public interface IOrganizationGrain : IGrainWithGuidKey
{
    /// <summary>The stored organization, or null when none was stored.</summary>
    [Alias("Get")]
    [ReadOnly]
    Task<OrganizationDetails?> GetAsync();

    [Alias("Set")]
    Task SetAsync(OrganizationDetails details);
}
