namespace Recents.Grains.RecentIModels;

/// <summary>
/// One entry of a user's recently used list: enough to filter by iTwin without another lookup. A value, so that a
/// full list is one array of 25 inline entries rather than 25 objects: it is what every active user keeps in memory.
/// </summary>
[GenerateSerializer, Immutable, Alias("recents.RecentIModel.v1")]
public readonly record struct RecentIModel(
    [property: Id(0)] Guid IModelId,
    [property: Id(1)] Guid ITwinId);
