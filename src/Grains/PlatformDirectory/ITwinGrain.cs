using System.Collections.Immutable;
using Orleans.Serialization;
using Recents.Grains.Storage;
using Recents.PlatformDirectory;

namespace Recents.Grains.PlatformDirectory;

/// <summary>
/// One iTwin of the directory: its details, and the details of its iModels, kept here rather than one per iModel so
/// that a list of recents in the iTwin reads them all in one call. Details and iModels are stored apart (two rows),
/// so that neither write carries the other.
/// </summary>
// The grain type name is part of every stored key: pinned so that renaming the class keeps the data.
[GrainType("itwin")]
public sealed class ITwinGrain(
    [PersistentState("iTwin", GrainStorage.Name)] IPersistentState<DirectoryEntryState<ITwinDetails>> state,
    [PersistentState("iModels", GrainStorage.Name)] IPersistentState<ITwinIModelsState> iModelsState,
    Serializer serializer)
    : DirectoryEntryGrain<ITwinDetails>(state), IITwinGrain, IITwinIModelsGrain
{
    private Dictionary<Guid, IModelDetails> IModels => iModelsState.State.IModels;

    public Task SetAsync(ITwinDetails details) => StoreAsync(details);

    public Task<ITwinWithIModels?> GetWithIModelsAsync(ImmutableArray<Guid> iModelIds) => Task.FromResult(
        Current is { } iTwin ? new ITwinWithIModels(iTwin, [.. iModelIds.Select(id => IModels.GetValueOrDefault(id))]) : null);

    public Task<IModelDetails?> GetIModelAsync(Guid iModelId) => Task.FromResult(IModels.GetValueOrDefault(iModelId));

    public async Task<bool> SetIModelAsync(Guid iModelId, IModelDetails details)
    {
        if (details.ITwinId != this.GetPrimaryKey())
        {
            throw new ArgumentException($"iModel {iModelId} belongs to iTwin {details.ITwinId}, not {this.GetPrimaryKey()}.", nameof(details));
        }

        var previous = IModels.GetValueOrDefault(iModelId);
        IModels[iModelId] = details;
        if (!FitsInStorage())
        {
            RestoreIModel(iModelId, previous);
            return false;
        }

        await iModelsState.WriteOrDeactivateAsync(this);
        return true;
    }

    public Task DeleteIModelAsync(Guid iModelId)
    {
        IModels.Remove(iModelId);
        return iModelsState.WriteOrDeactivateAsync(this);
    }

    private bool FitsInStorage()
    {
        try
        {
            return serializer.SerializeToArray(iModelsState.State).Length <= ITwinIModelsLimits.MaxSerializedBytes;
        }
        catch
        {
            // Memory would no longer match storage.
            DeactivateOnIdle();
            throw;
        }
    }

    private void RestoreIModel(Guid iModelId, IModelDetails? previous)
    {
        if (previous is null)
        {
            IModels.Remove(iModelId);
        }
        else
        {
            IModels[iModelId] = previous;
        }
    }
}
