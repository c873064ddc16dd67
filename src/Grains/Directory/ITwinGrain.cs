using Recents.Directory;
using Recents.Grains.Storage;

namespace Recents.Grains.Directory;

// The grain type name is part of every stored key: pinned so that renaming the class keeps the data.
[GrainType("itwin")]
public sealed class ITwinGrain(
    [PersistentState("iTwin", GrainStorage.Name)] IPersistentState<DirectoryEntryState<ITwinDetails>> state)
    : DirectoryEntryGrain<ITwinDetails>(state), IITwinGrain
{
    public Task SetAsync(ITwinDetails details) => StoreAsync(details);
}
