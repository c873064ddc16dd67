using System.ComponentModel;
using System.Text.Json.Serialization;
using Recents.Api.IModelLists;
using Recents.Api.OpenApi;

namespace Recents.Api.RecentIModels;

/// <summary>The body of <c>GET /imodels/recents</c>.</summary>
public sealed record RecentIModelsPage(
    [property: JsonPropertyName("iModels")]
    [property: Description("Most recently used first unless `$orderBy` says otherwise. `Prefer: return=minimal` (the default): "
        + "`IModelSummary` items; `Prefer: return=representation`: `IModelRepresentation` items.")]
    [property: ItemsOneOf(typeof(IModelSummary), typeof(IModelRepresentation))]
    IReadOnlyList<object> IModels,
    [property: JsonPropertyName("_links")] PageLinks Links);
