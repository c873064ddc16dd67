using System.Collections.Immutable;
using Orleans.Serialization;
using Recents.Directory;
using Recents.Grains.Storage;

namespace Recents.Grains.Directory;

/// <summary>
/// One iTwin of the directory: its details, and the details of its iModels, kept here rather than one per iModel so
/// that a list of recents in the iTwin reads them all in one call. Details and iModels are stored apart (two rows),
/// so that neither write carries the other.
/// </summary>
// The grain type name is part of every stored key: pinned so that renaming the class keeps the data.
[GrainType("itwin")]
public sealed class ITwinGrain(
    [PersistentState("iTwin", GrainStorage.Name)] IPersistentState<DirectoryEntryState<ITwinDetails>> state,
    [PersistentState("iModels", GrainStorage.Name)] IPersistentState<ITwinIModelsState> iModels,
    Serializer serializer)
    : DirectoryEntryGrain<ITwinDetails>(state), IITwinGrain
{
    private Dictionary<Guid, IModelDetails> Held => iModels.State.IModels;

    public Task SetAsync(ITwinDetails details) => StoreAsync(details);

    public Task<ITwinWithIModels?> GetWithIModelsAsync(ImmutableArray<Guid> iModelIds) => Task.FromResult(
        Current is { } iTwin ? new ITwinWithIModels(iTwin, [.. iModelIds.Select(id => Held.GetValueOrDefault(id))]) : null);

    public Task<IModelDetails?> GetIModelAsync(Guid iModelId) => Task.FromResult(Held.GetValueOrDefault(iModelId));

    public async Task<bool> SetIModelAsync(Guid iModelId, IModelDetails details)
    {
        if (details.ITwinId != this.GetPrimaryKey())
        {
            throw new ArgumentException($"iModel {iModelId} belongs to iTwin {details.ITwinId}, not {this.GetPrimaryKey()}.", nameof(details));
        }

        var previous = Held.GetValueOrDefault(iModelId);
        Held[iModelId] = details;
        if (serializer.SerializeToArray(iModels.State).Length > ITwinIModelsLimits.MaxSerializedBytes)
        {
            RestoreIModel(iModelId, previous);
            return false;
        }

        await iModels.WriteOrDeactivateAsync(this);
        return true;
    }

    public Task DeleteIModelAsync(Guid iModelId) =>
        Held.Remove(iModelId) ? iModels.WriteOrDeactivateAsync(this) : Task.CompletedTask;

    private void RestoreIModel(Guid iModelId, IModelDetails? previous)
    {
        if (previous is null)
        {
            Held.Remove(iModelId);
        }
        else
        {
            Held[iModelId] = previous;
        }
    }
}
