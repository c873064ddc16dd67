using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Recents.Directory;

/// <summary>An iTwin of the directory, keyed by its id: its details, and the details of the iModels it holds.</summary>
[Alias("recents.IITwinGrain")]
public interface IITwinGrain : IGrainWithGuidKey
{
    /// <summary>The stored iTwin, or null when none was stored.</summary>
    [Alias("Get")]
    [ReadOnly]
    Task<ITwinDetails?> GetAsync();

    [Alias("Set")]
    Task SetAsync(ITwinDetails details);

    /// <summary>
    /// The stored iTwin with those of <paramref name="iModelIds"/> it holds, in one call however many; null when no
    /// iTwin is stored.
    /// </summary>
    [Alias("GetWithIModels")]
    [ReadOnly]
    Task<ITwinWithIModels?> GetWithIModelsAsync(ImmutableArray<Guid> iModelIds);

    /// <summary>The iModel's details if the iTwin holds it.</summary>
    [Alias("GetIModel")]
    [ReadOnly]
    Task<IModelDetails?> GetIModelAsync(Guid iModelId);

    /// <summary>
    /// Stores or replaces one of the iTwin's iModels; false, and nothing changed, when the iTwin's iModels would no
    /// longer fit (<see cref="ITwinIModelsLimits"/>). Only <see cref="IIModelGrain"/> calls it, having bound the iModel
    /// to this iTwin.
    /// </summary>
    [Alias("SetIModel")]
    Task<bool> SetIModelAsync(Guid iModelId, IModelDetails details);

    /// <summary>Removes the iModel, if held. Only <see cref="IIModelGrain"/> calls it.</summary>
    [Alias("DeleteIModel")]
    Task DeleteIModelAsync(Guid iModelId);
}
