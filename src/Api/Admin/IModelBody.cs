using System.Collections.Immutable;
using System.Globalization;
using Recents.PlatformDirectory;

namespace Recents.Api.Admin;

/// <summary><c>PUT /admin/imodels/{id}</c>: the iModel's properties and, optionally, either role or user permissions.</summary>
public sealed record IModelBody(
    string? ITwinId,
    string? Name,
    string? Description,
    string? State,
    string? CreatedDateTime,
    IModelBody.ExtentBody? Extent,
    string? DataCenterLocation,
    IReadOnlyList<IModelBody.RolePermissionsBody?>? RolePermissions,
    IReadOnlyList<IModelBody.UserPermissionsBody?>? UserPermissions)
{
    public sealed record PointBody(double? Latitude, double? Longitude);

    public sealed record ExtentBody(PointBody? SouthWest, PointBody? NorthEast);

    public sealed record RolePermissionsBody(string? RoleId, IReadOnlyList<string?>? Permissions);

    public sealed record UserPermissionsBody(string? UserId, IReadOnlyList<string?>? Permissions);

    /// <summary>The stored iModel in the shape of the PUT body, as <c>GET /admin/imodels/{id}</c> returns it.</summary>
    public static IModelBody From(IModelDetails details) => new(
        details.ITwinId.ToString(),
        details.Name,
        details.Description,
        details.State == IModelState.Initialized ? "initialized" : "notInitialized",
        details.CreatedDateTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture),
        details.Extent is { } extent
            ? new ExtentBody(
                new PointBody(extent.SouthWest.Latitude, extent.SouthWest.Longitude),
                new PointBody(extent.NorthEast.Latitude, extent.NorthEast.Longitude))
            : null,
        details.DataCenterLocation,
        details.RolePermissions?.Select(entry => new RolePermissionsBody(entry.RoleId.ToString(), [.. entry.Permissions])).ToList(),
        details.UserPermissions?.Select(entry => new UserPermissionsBody(entry.UserId, [.. entry.Permissions])).ToList());

    public IModelDetails? ToDetails(BodyErrors errors)
    {
        var iTwinId = errors.RequireDirectoryId(ITwinId, "iTwinId");
        var name = errors.RequireText(Name, "name");
        var state = ParseState(errors);
        var created = ParseCreatedDateTime(errors);
        var dataCenter = errors.RequireText(DataCenterLocation, "dataCenterLocation");
        var extent = Extent is null ? null : new IModelExtent(
            ParsePoint(Extent.SouthWest, "extent.southWest", errors), ParsePoint(Extent.NorthEast, "extent.northEast", errors));
        if (RolePermissions is not null && UserPermissions is not null)
        {
            errors.Add("userPermissions", "An iModel carries either rolePermissions or userPermissions, not both.");
        }

        var rolePermissions = RolePermissions is null ? (ImmutableArray<RolePermissions>?)null : errors
            .RequireList(RolePermissions, "rolePermissions")
            .Select((entry, i) => new RolePermissions(
                errors.RequireId(entry.RoleId, $"rolePermissions[{i}].roleId"),
                Permissions.Validate(entry.Permissions, $"rolePermissions[{i}].permissions", errors)))
            .ToImmutableArray();
        var userPermissions = UserPermissions is null ? (ImmutableArray<UserPermissions>?)null : errors
            .RequireList(UserPermissions, "userPermissions")
            .Select((entry, i) => new UserPermissions(
                errors.RequireUserId(entry.UserId, $"userPermissions[{i}].userId"),
                Permissions.Validate(entry.Permissions, $"userPermissions[{i}].permissions", errors)))
            .ToImmutableArray();

        return errors.Any
            ? null
            : new IModelDetails(iTwinId, name, Description, state, created, extent, dataCenter, rolePermissions, userPermissions);
    }

    private IModelState ParseState(BodyErrors errors)
    {
        switch (State)
        {
            case null:
                errors.Missing("state");
                break;
            case "initialized":
                return IModelState.Initialized;
            case "notInitialized":
                return IModelState.NotInitialized;
            default:
                errors.Add("state", "state must be 'initialized' or 'notInitialized'.");
                break;
        }

        return IModelState.NotInitialized;
    }

    /// <summary>
    /// ISO-8601 extended date and time, to the minute, second or fraction of a second, with <c>Z</c>, an offset, or
    /// nothing (then UTC). Dates alone, other separators and other calendars (<c>01/02/2020</c>) are refused.
    /// </summary>
    private static readonly string[] Iso8601DateTimes =
        ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private DateTimeOffset ParseCreatedDateTime(BodyErrors errors)
    {
        if (CreatedDateTime is null)
        {
            errors.Missing("createdDateTime");
        }
        else if (DateTimeOffset.TryParseExact(
            CreatedDateTime, Iso8601DateTimes, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
        {
            return created.ToUniversalTime();
        }
        else
        {
            errors.Add("createdDateTime", "createdDateTime must be an ISO-8601 date and time.");
        }

        return default;
    }

    private static GeoPoint ParsePoint(PointBody? point, string target, BodyErrors errors)
    {
        if (point?.Latitude is not { } latitude || latitude is < -90 or > 90)
        {
            errors.Add($"{target}.latitude", "latitude must be a number from -90 to 90.");
        }

        if (point?.Longitude is not { } longitude || longitude is < -180 or > 180)
        {
            errors.Add($"{target}.longitude", "longitude must be a number from -180 to 180.");
        }

        return new GeoPoint(point?.Latitude ?? 0, point?.Longitude ?? 0);
    }
}
