using Recents.Directory;
using Recents.Grains.Storage;

namespace Recents.Grains.Directory;

public sealed class ITwinGrain(
    [PersistentState("iTwin", GrainStorage.Name)] IPersistentState<DirectoryEntryState<ITwinDetails>> state)
    : DirectoryEntryGrain<ITwinDetails>(state), IITwinGrain
{
    public Task SetAsync(ITwinDetails details) => StoreAsync(details);
}
