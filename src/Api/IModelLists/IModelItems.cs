using System.Text.Json.Serialization;
using Recents.PlatformDirectory;

namespace Recents.Api.IModelLists;

/// <summary>An item under <c>Prefer: return=minimal</c>.</summary>
public sealed record IModelSummary(Guid Id, string DisplayName)
{
    public static IModelSummary From(ViewableIModel iModel) => new(iModel.Id, iModel.Name);
}

/// <summary>An item under <c>Prefer: return=representation</c> (docs/api.md#imodel-representation).</summary>
public sealed record IModelRepresentation(
    Guid Id,
    string DisplayName,
    string Name,
    string? Description,
    IModelState State,
    DateTime CreatedDateTime,
    [property: JsonPropertyName("iTwinId")] Guid ITwinId,
    bool IsSecured,
    IModelExtent? Extent,
    string DataCenterLocation)
{
    public static IModelRepresentation From(ViewableIModel iModel) => new(
        iModel.Id,
        iModel.Name,
        iModel.Name,
        iModel.Description,
        iModel.State,
        iModel.CreatedDateTime.UtcDateTime,
        iModel.ITwinId,
        iModel.IsSecured,
        iModel.Extent,
        iModel.DataCenterLocation);
}
