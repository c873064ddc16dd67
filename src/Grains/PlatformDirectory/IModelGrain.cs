using Recents.Grains.References;
using Recents.Grains.Storage;
using Recents.PlatformDirectory;

namespace Recents.Grains.PlatformDirectory;

/// <summary>
/// One iModel of the directory: the iTwin it belongs to, for life, even after it is deleted, which is what lets a
/// recents entry keep its iTwin id for listing. Its details live in that iTwin's grain. Calls on one iModel run one at
/// a time here, so two stores of the same iModel cannot bind it to two iTwins.
/// </summary>
// The grain type name is part of every stored key: pinned so that renaming the class keeps the data.
[GrainType("imodel")]
public sealed class IModelGrain(
    [PersistentState("iModel", GrainStorage.Name)] IPersistentState<IModelGrainState> state,
    IGrainFactory grains)
    : Grain, IIModelGrain
{
    private readonly GrainReferences<IITwinIModelsGrain> iTwinGrains = new(grains);

    private Guid? BoundITwinId => state.State.ITwinId;

    public Task<Guid?> GetITwinIdAsync() => Task.FromResult(BoundITwinId);

    public async Task<IModelDetails?> GetAsync() =>
        BoundITwinId is { } iTwinId ? await iTwinGrains.Get(iTwinId).GetIModelAsync(this.GetPrimaryKey()) : null;

    public async Task<IModelStoreResult> SetAsync(IModelDetails details)
    {
        if (BoundITwinId is { } iTwinId && iTwinId != details.ITwinId)
        {
            return IModelStoreResult.BoundToAnotherITwin;
        }

        // Written on every store, not only the first: the write is conditional on the row's ETag, so a stale
        // activation (one that missed a change of the binding) fails here instead of storing the iModel in an iTwin it
        // is no longer bound to. Bound before it is stored in the iTwin: a failure in between leaves a binding and no
        // iModel, which a retry completes, never an iModel in an iTwin it is not bound to.
        var newlyBound = BoundITwinId is null;
        await BindAsync(details.ITwinId);
        if (await iTwinGrains.Get(details.ITwinId).SetIModelAsync(this.GetPrimaryKey(), details))
        {
            return IModelStoreResult.Stored;
        }

        if (newlyBound)
        {
            // Refused: nothing names this iModel yet, so the id is left free, as if the request had never come.
            await BindAsync(null);
        }

        return IModelStoreResult.ITwinFull;
    }

    public Task DeleteAsync() =>
        BoundITwinId is { } iTwinId ? iTwinGrains.Get(iTwinId).DeleteIModelAsync(this.GetPrimaryKey()) : Task.CompletedTask;

    private Task BindAsync(Guid? iTwinId)
    {
        state.State.ITwinId = iTwinId;
        return state.WriteOrDeactivateAsync(this);
    }
}
