using Recents.Directory;

namespace Recents.Api.Access;

/// <summary>
/// The API's authorization (contract §4): asks the silo's <see cref="IViewAccessGrain"/>, which reads the directory
/// afresh on every request and decides next to it, in one call per question.
/// </summary>
public sealed class DirectoryAccess(IGrainFactory grains)
{
    private IViewAccessGrain Decider => grains.GetGrain<IViewAccessGrain>(0);

    /// <summary>The iModel, if it exists and <paramref name="userId"/> may view it; otherwise null.</summary>
    public async Task<ViewableIModel?> FindViewableIModelAsync(string userId, Guid iModelId) =>
        await Decider.FindViewableIModelAsync(userId, iModelId) is { } details ? new ViewableIModel(iModelId, details) : null;

    /// <summary>
    /// Null when the iTwin does not exist or <paramref name="userId"/> may not see it; otherwise, of
    /// <paramref name="iModelIds"/>, in their order, those that still exist in <paramref name="iTwinId"/> and that
    /// <paramref name="userId"/> may view now.
    /// </summary>
    public async Task<IReadOnlyList<ViewableIModel>?> ViewableIModelsAsync(string userId, Guid iTwinId, IReadOnlyList<Guid> iModelIds) =>
        await Decider.ViewableIModelsAsync(userId, iTwinId, [.. iModelIds]) is { } details
            ? iModelIds
                .Zip(details, (id, iModel) => iModel is null ? null : new ViewableIModel(id, iModel))
                .OfType<ViewableIModel>()
                .ToList()
            : null;
}
