using System.Globalization;
using System.Text.Json.Nodes;

namespace Recents.Api.Tests.Infrastructure;

/// <summary>The body of <c>PUT /admin/imodels/{id}</c> (docs/api.md#directory-administration), with valid defaults.</summary>
public sealed record IModelSpec
{
    public string Name { get; init; } = $"iModel {Guid.NewGuid():N}";

    public string? Description { get; init; }

    public string State { get; init; } = "initialized";

    public string CreatedDateTime { get; init; } = "2024-01-01T00:00:00Z";

    public GeoExtent? Extent { get; init; }

    public string DataCenterLocation { get; init; } = "East US";

    public IReadOnlyList<RolePermission>? RolePermissions { get; init; }

    public IReadOnlyList<UserPermission>? UserPermissions { get; init; }

    public JsonObject ToJson(Guid iTwinId) => new()
    {
        ["iTwinId"] = iTwinId.ToString(),
        ["name"] = Name,
        ["description"] = Description,
        ["state"] = State,
        ["createdDateTime"] = CreatedDateTime,
        ["extent"] = Extent?.ToJson(),
        ["dataCenterLocation"] = DataCenterLocation,
        ["rolePermissions"] = RolePermissions is null
            ? null
            : new JsonArray([.. RolePermissions.Select(entry => (JsonNode)new JsonObject
            {
                ["roleId"] = entry.RoleId.ToString(),
                ["permissions"] = Strings(entry.Permissions),
            })]),
        ["userPermissions"] = UserPermissions is null
            ? null
            : new JsonArray([.. UserPermissions.Select(entry => (JsonNode)new JsonObject
            {
                ["userId"] = entry.UserId,
                ["permissions"] = Strings(entry.Permissions),
            })]),
    };

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(value => (JsonNode?)JsonValue.Create(value))]);
}

public sealed record RolePermission(Guid RoleId, params string[] Permissions);

public sealed record UserPermission(string UserId, params string[] Permissions);

public sealed record GeoExtent(double SouthWestLatitude, double SouthWestLongitude, double NorthEastLatitude, double NorthEastLongitude)
{
    public JsonObject ToJson() => new()
    {
        ["southWest"] = new JsonObject { ["latitude"] = SouthWestLatitude, ["longitude"] = SouthWestLongitude },
        ["northEast"] = new JsonObject { ["latitude"] = NorthEastLatitude, ["longitude"] = NorthEastLongitude },
    };

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"[{SouthWestLatitude},{SouthWestLongitude}]..[{NorthEastLatitude},{NorthEastLongitude}]");
}
