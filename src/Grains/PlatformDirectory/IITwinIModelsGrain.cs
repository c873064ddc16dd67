using System.Collections.Immutable;
using Orleans.Concurrency;
using Recents.PlatformDirectory;

namespace Recents.Grains.PlatformDirectory;

/// <summary>
/// The iModels an iTwin holds, on the iTwin's own grain (<see cref="ITwinGrain"/>, the same key as its
/// <see cref="IITwinGrain"/>). Defined in the silo's assembly, which the API does not reference: iModels are written only
/// through <see cref="IIModelGrain"/>, which first binds each to its one iTwin.
/// </summary>
[Alias("recents.IITwinIModelsGrain")]
public interface IITwinIModelsGrain : IGrainWithGuidKey
{
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
    /// longer fit (<see cref="ITwinIModelsLimits"/>).
    /// </summary>
    [Alias("SetIModel")]
    Task<bool> SetIModelAsync(Guid iModelId, IModelDetails details);

    /// <summary>Removes the iModel if held. Writes either way, so that a stale activation finds out.</summary>
    [Alias("DeleteIModel")]
    Task DeleteIModelAsync(Guid iModelId);
}
