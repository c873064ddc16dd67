using Recents.Directory;
using Recents.Grains.Storage;

namespace Recents.Grains.Directory;

public sealed class OrganizationGrain(
    [PersistentState("organization", GrainStorage.Name)] IPersistentState<DirectoryEntryState<OrganizationDetails>> state)
    : DirectoryEntryGrain<OrganizationDetails>(state), IOrganizationGrain
{
    public Task SetAsync(OrganizationDetails details) => StoreAsync(details);
}
