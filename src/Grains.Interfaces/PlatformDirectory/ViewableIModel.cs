namespace Recents.PlatformDirectory;

/// <summary>
/// An iModel as a caller who may view it sees it: what a list shows and sorts on, without the permissions that
/// decided it, which stay in the silo.
/// </summary>
[GenerateSerializer, Immutable, Alias("recents.ViewableIModel.v1")]
public sealed record ViewableIModel(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid ITwinId,
    [property: Id(2)] string Name,
    [property: Id(3)] string? Description,
    [property: Id(4)] IModelState State,
    [property: Id(5)] DateTimeOffset CreatedDateTime,
    [property: Id(6)] IModelExtent? Extent,
    [property: Id(7)] string DataCenterLocation,
    [property: Id(8)] bool IsSecured)
{
    public static ViewableIModel From(Guid id, IModelDetails details) => new(
        id, details.ITwinId, details.Name, details.Description, details.State, details.CreatedDateTime, details.Extent,
        details.DataCenterLocation, details.IsSecured);
}
