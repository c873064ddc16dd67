using Recents.Grains.Storage;
using Recents.PlatformDirectory;

namespace Recents.Grains.PlatformDirectory;

// The grain type name is part of every stored key: pinned so that renaming the class keeps the data.
[GrainType("organization")]
public sealed class OrganizationGrain(
    [PersistentState("organization", GrainStorage.Name)] IPersistentState<DirectoryEntryState<OrganizationDetails>> state)
    : DirectoryEntryGrain<OrganizationDetails>(state), IOrganizationGrain
{
    public Task SetAsync(OrganizationDetails details) => StoreAsync(details);
}
