using System.ComponentModel;
using System.Text.Json.Serialization;
using Recents.Api.IModelLists;
using Recents.Api.OpenApi;

namespace Recents.Api.Favorites;

/// <summary>The body of <c>GET /imodels/favorites</c>.</summary>
public sealed record FavoriteIModelsPage(
    [property: JsonPropertyName("iModels")]
    [property: Description("Most recently added first unless `$orderBy` says otherwise. `Prefer: return=minimal` (the default): "
        + "`IModelSummary` items; `Prefer: return=representation`: `IModelRepresentation` items.")]
    [property: ItemsOneOf(typeof(IModelSummary), typeof(IModelRepresentation))]
    IReadOnlyList<object> IModels,
    [property: JsonPropertyName("_links")] PageLinks Links);
