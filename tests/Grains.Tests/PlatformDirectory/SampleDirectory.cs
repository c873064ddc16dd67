using Recents.PlatformDirectory;

namespace Recents.Grains.Tests;

/// <summary>Directory entries with every field set to a value that a lossy round trip would change.</summary>
internal static class SampleDirectory
{
    private static readonly Guid Viewer = Guid.Parse("5a1e0000-0000-4000-8000-000000000001");
    private static readonly Guid Guest = Guid.Parse("5a1e0000-0000-4000-8000-000000000002");

    /// <summary>The kinds of iModel that <see cref="IModel"/> builds.</summary>
    public static readonly string[] IModelKinds = ["role permissions", "user permissions", "secured for nobody", "unsecured"];

    public static OrganizationDetails Organization() => new(["admin-1", "admin@example.com", "auth0|ユーザー"]);

    public static ITwinDetails ITwin() => new(
        OrganizationId: Guid.NewGuid(),
        Roles: [new ITwinRole(Viewer, ["imodels_webview", "imodels_read"]), new ITwinRole(Guest, [])],
        Members: [new ITwinMember("alice", [Viewer, Guest]), new ITwinMember("bob", [])]);

    public static IModelDetails IModelWithRolePermissions() => FullIModel() with
    {
        RolePermissions = [new RolePermissions(Viewer, ["imodels_webview", "imodels_read"]), new RolePermissions(Guest, [])],
    };

    public static IModelDetails IModelWithUserPermissions() => FullIModel() with
    {
        UserPermissions = [new UserPermissions("alice", ["imodels_webview"]), new UserPermissions("bob", [])],
    };

    /// <summary>Secured, but nobody is granted anything: must not come back unsecured.</summary>
    public static IModelDetails IModelSecuredForNobody() => FullIModel() with { RolePermissions = [] };

    public static IModelDetails UnsecuredIModel() => FullIModel() with { Description = null, Extent = null };

    public static IModelDetails IModel(string kind) => kind switch
    {
        "role permissions" => IModelWithRolePermissions(),
        "user permissions" => IModelWithUserPermissions(),
        "secured for nobody" => IModelSecuredForNobody(),
        "unsecured" => UnsecuredIModel(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such sample iModel"),
    };

    private static IModelDetails FullIModel() => new(
        ITwinId: Guid.NewGuid(),
        Name: "Bridge – north span",
        Description: "Survey of 2023, \"final\"",
        State: IModelState.Initialized,
        CreatedDateTime: new DateTimeOffset(2023, 11, 5, 14, 30, 15, TimeSpan.FromHours(2)).AddTicks(1234567),
        Extent: new IModelExtent(new GeoPoint(51.50735087, -0.1277583), new GeoPoint(51.5201, -0.0998)),
        DataCenterLocation: "UK South",
        RolePermissions: null,
        UserPermissions: null);
}
