using Recents.Directory;
using Recents.Grains.Storage;

namespace Recents.Grains.Directory;

public sealed class IModelGrain(
    [PersistentState("iModel", GrainStorage.Name)] IPersistentState<DirectoryEntryState<IModelDetails>> state)
    : DirectoryEntryGrain<IModelDetails>(state), IIModelGrain
{
    public async Task<bool> SetAsync(IModelDetails details)
    {
        if (Current is { } current && current.ITwinId != details.ITwinId)
        {
            return false;
        }

        await StoreAsync(details);
        return true;
    }

    public Task DeleteAsync() => ClearAsync();
}
