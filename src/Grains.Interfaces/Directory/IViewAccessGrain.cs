using System.Collections.Immutable;

namespace Recents.Directory;

/// <summary>
/// Decides what a user may see and view (contract §4, by <see cref="ViewAccess"/>) next to the directory grains, so
/// that one call from the API, carrying back only the decision and the iModels the answer needs, replaces several
/// reads of whole directory entries (an iTwin's entry holds every member). Every decision reads the directory afresh,
/// so a revoked permission or a deleted iModel applies to the next request.
/// </summary>
[Alias("recents.IViewAccessGrain")]
public interface IViewAccessGrain : IGrainWithIntegerKey
{
    /// <summary>The iModel, if it exists and <paramref name="userId"/> may view it now; otherwise null.</summary>
    [Alias("FindViewableIModel")]
    Task<IModelDetails?> FindViewableIModelAsync(string userId, Guid iModelId);

    /// <summary>
    /// Null when the iTwin does not exist or <paramref name="userId"/> may not see it (neither a member nor an
    /// administrator of its organization). Otherwise, for each of <paramref name="iModelIds"/>, in the same order: its
    /// details if it still exists in the iTwin and the user may view it now, else null. One read of the iTwin decides both.
    /// </summary>
    [Alias("ViewableIModelsInITwin")]
    Task<ImmutableArray<IModelDetails?>?> ViewableIModelsAsync(string userId, Guid iTwinId, ImmutableArray<Guid> iModelIds);
}
