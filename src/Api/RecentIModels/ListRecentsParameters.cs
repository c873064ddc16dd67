using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Recents.Api.IModelLists;

namespace Recents.Api.RecentIModels;

/// <summary>
/// The query and <c>Prefer</c> header of <c>GET /imodels/recents</c> as the OpenAPI document declares them
/// (docs/api.md#list-recents). Never bound: <see cref="ListRecentsQuery.Parse"/> reads the query itself, so that one
/// 422 names every bad parameter where binding would refuse the first with a 400.
/// </summary>
public sealed record ListRecentsParameters(
    [Required]
    [FromQuery(Name = ListParameters.ITwinId)]
    [Description("The iTwin whose iModels to list. Missing or not a GUID: 422 `InvalidiModelsRequest`.")]
    Guid ITwinId,
    [FromQuery(Name = ListParameters.Top)]
    [Range(1, ListParameters.MaxTop)]
    [DefaultValue(ListParameters.DefaultTop)]
    [Description(ListDescriptions.Top)]
    int Top,
    [FromQuery(Name = ListParameters.Skip)]
    [Range(0, int.MaxValue)]
    [DefaultValue(0)]
    [Description("How many iModels to skip, at least 0. Negative or not an integer: 422.")]
    int Skip,
    [FromQuery(Name = ListParameters.OrderBy)]
    [AllowedValues("name", "name asc", "name desc", "createdDateTime", "createdDateTime asc", "createdDateTime desc")]
    [Description("Absent: most recently used first. Otherwise `name` or `createdDateTime`, optionally followed by "
        + "` asc` (the default) or ` desc` (case-insensitive), applied before `$skip` and `$top`. Anything else: 422.")]
    string OrderBy,
    [FromHeader(Name = PreferHeader.Name)]
    [AllowedValues(PreferHeader.Minimal, PreferHeader.Representation)]
    [DefaultValue(PreferHeader.Minimal)]
    [Description(ListDescriptions.Prefer)]
    string Prefer);
