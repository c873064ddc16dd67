using Recents.Directory;
using Recents.Grains.Storage;

namespace Recents.Grains.Directory;

public sealed class IModelGrain(
    [PersistentState("iModel", GrainStorage.Name)] IPersistentState<DirectoryEntryState<IModelDetails>> state)
    : DirectoryEntryGrain<IModelDetails>(state), IIModelGrain
{
    public Task DeleteAsync() => ClearAsync();
}
