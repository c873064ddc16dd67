using Recents.Directory;
using Recents.Grains.Storage;

namespace Recents.Grains.Directory;

/// <summary>
/// One iModel of the directory. It belongs to one iTwin for life, even after it is deleted, which is what
/// lets a recents entry keep its iTwin id for listing.
/// </summary>
// The grain type name is part of every stored key: pinned so that renaming the class keeps the data.
[GrainType("imodel")]
public sealed class IModelGrain(
    [PersistentState("iModel", GrainStorage.Name)] IPersistentState<IModelGrainState> state)
    : Grain, IIModelGrain
{
    public Task<IModelDetails?> GetAsync() => Task.FromResult(state.State.Details);

    public async Task<bool> SetAsync(IModelDetails details)
    {
        if (state.State.ITwinId is { } iTwinId && iTwinId != details.ITwinId)
        {
            return false;
        }

        state.State.Details = details;
        state.State.ITwinId = details.ITwinId;
        await state.WriteOrDeactivateAsync(this);
        return true;
    }

    public Task DeleteAsync()
    {
        if (state.State.Details is null)
        {
            return Task.CompletedTask;
        }

        state.State.Details = null;
        return state.WriteOrDeactivateAsync(this);
    }
}
