namespace Recents.Grains.FavoriteIModels;

/// <summary>
/// One favorite of a user: the iModel, its iTwin (to filter by iTwin without another lookup), and its place, which
/// grows with every new favorite of the user and never changes while the iModel stays one.
/// </summary>
[GenerateSerializer, Immutable, Alias("recents.FavoriteIModel.v1")]
public readonly record struct FavoriteIModel(
    [property: Id(0)] Guid IModelId,
    [property: Id(1)] Guid ITwinId,
    [property: Id(2)] long Position);
