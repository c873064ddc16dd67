using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Recents.Api.IModelLists;

namespace Recents.Api.Favorites;

/// <summary>
/// The query and <c>Prefer</c> header of <c>GET /imodels/favorites</c> as the OpenAPI document declares them
/// (docs/api.md#favorites). Never bound: <see cref="ListFavoritesQuery.Parse"/> reads the query itself, so that one
/// 422 names every bad parameter.
/// </summary>
public sealed record ListFavoritesParameters(
    [Required]
    [FromQuery(Name = ListParameters.ITwinId)]
    [Description("The iTwin whose favorite iModels to list. Missing or not a GUID: 422 `InvalidiModelsRequest`.")]
    Guid ITwinId,
    [FromQuery(Name = ListParameters.Top)]
    [Range(1, ListParameters.MaxTop)]
    [DefaultValue(ListParameters.DefaultTop)]
    [Description(ListDescriptions.Top)]
    int Top,
    [FromQuery(Name = ListParameters.ContinuationToken)]
    [Description("From the `next` link of the previous page; opaque, and valid only for the same user and iTwin. "
        + "Anything else: 422. Cannot be combined with `$skip` or `$orderBy`.")]
    string ContinuationToken,
    [FromQuery(Name = ListParameters.Skip)]
    [Range(0, int.MaxValue)]
    [DefaultValue(0)]
    [Description("Pages by position instead of by token: how many iModels to skip. Negative or not an integer: 422.")]
    int Skip,
    [FromQuery(Name = ListParameters.OrderBy)]
    [AllowedValues("name", "name asc", "name desc", "createdDateTime", "createdDateTime asc", "createdDateTime desc")]
    [Description("Absent: most recently added first. Otherwise `name` or `createdDateTime`, optionally followed by "
        + "` asc` (the default) or ` desc`; pages by `$skip`. Anything else: 422.")]
    string OrderBy,
    [FromHeader(Name = PreferHeader.Name)]
    [AllowedValues(PreferHeader.Minimal, PreferHeader.Representation)]
    [DefaultValue(PreferHeader.Minimal)]
    [Description(ListDescriptions.Prefer)]
    string Prefer);
