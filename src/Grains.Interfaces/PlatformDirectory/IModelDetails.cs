using System.Collections.Immutable;

namespace Recents.PlatformDirectory;

/// <summary>
/// An iModel as the directory knows it. At most one of <see cref="RolePermissions"/> and
/// <see cref="UserPermissions"/> is set; with either, the iModel is secured.
/// </summary>
[GenerateSerializer, Immutable, Alias("recents.IModelDetails.v1")]
public sealed record IModelDetails(
    [property: Id(0)] Guid ITwinId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] IModelState State,
    [property: Id(4)] DateTimeOffset CreatedDateTime,
    [property: Id(5)] IModelExtent? Extent,
    [property: Id(6)] string DataCenterLocation,
    [property: Id(7)] ImmutableArray<RolePermissions>? RolePermissions,
    [property: Id(8)] ImmutableArray<UserPermissions>? UserPermissions)
{
    public bool IsSecured => RolePermissions is not null || UserPermissions is not null;
}

[GenerateSerializer, Alias("recents.IModelState.v1")]
public enum IModelState
{
    NotInitialized = 0,
    Initialized = 1,
}

[GenerateSerializer, Immutable, Alias("recents.IModelExtent.v1")]
public sealed record IModelExtent(
    [property: Id(0)] GeoPoint SouthWest,
    [property: Id(1)] GeoPoint NorthEast);

[GenerateSerializer, Immutable, Alias("recents.GeoPoint.v1")]
public sealed record GeoPoint(
    [property: Id(0)] double Latitude,
    [property: Id(1)] double Longitude);

[GenerateSerializer, Immutable, Alias("recents.RolePermissions.v1")]
public sealed record RolePermissions(
    [property: Id(0)] Guid RoleId,
    [property: Id(1)] ImmutableArray<string> Permissions);

[GenerateSerializer, Immutable, Alias("recents.UserPermissions.v1")]
public sealed record UserPermissions(
    [property: Id(0)] string UserId,
    [property: Id(1)] ImmutableArray<string> Permissions);
