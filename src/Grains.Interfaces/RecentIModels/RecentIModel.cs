namespace Recents.RecentIModels;

/// <summary>
/// One entry of a user's recently used list: enough to filter by iTwin without another lookup.
/// </summary>
[GenerateSerializer, Immutable, Alias("recents.RecentIModel.v1")]
public sealed record RecentIModel(
    [property: Id(0)] Guid IModelId,
    [property: Id(1)] Guid ITwinId);
