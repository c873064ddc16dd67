using System.Collections.Immutable;
using Recents.PlatformDirectory;

namespace Recents.Tests.Shared;

/// <summary>Terse builders of directory facts, so that each access test reads as its scenario.</summary>
internal static class DirectoryBuilders
{
    public static OrganizationDetails Organization(params string[] administrators) => new([.. administrators]);

    public static ITwinRole Role(Guid id, params string[] permissions) => new(id, [.. permissions]);

    public static ITwinMember Member(string userId, params Guid[] roleIds) => new(userId, [.. roleIds]);

    public static ITwinDetails ITwin(ITwinRole[] roles, ITwinMember[] members) =>
        new(Guid.Parse("0c0c0c0c-0000-4000-8000-000000000001"), [.. roles], [.. members]);

    public static IModelDetails UnsecuredIModel() => IModel(rolePermissions: null, userPermissions: null);

    public static IModelDetails IModelWithRolePermissions(params RolePermissions[] grants) =>
        IModel(ImmutableArray.Create(grants), userPermissions: null);

    public static IModelDetails IModelWithUserPermissions(params UserPermissions[] grants) =>
        IModel(rolePermissions: null, ImmutableArray.Create(grants));

    public static RolePermissions RoleGrant(Guid roleId, params string[] permissions) => new(roleId, [.. permissions]);

    public static UserPermissions UserGrant(string userId, params string[] permissions) => new(userId, [.. permissions]);

    private static IModelDetails IModel(ImmutableArray<RolePermissions>? rolePermissions, ImmutableArray<UserPermissions>? userPermissions) =>
        new(
            ITwinId: Guid.Parse("0b0b0b0b-0000-4000-8000-000000000001"),
            Name: "Bridge",
            Description: null,
            State: IModelState.Initialized,
            CreatedDateTime: new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Extent: null,
            DataCenterLocation: "East US",
            RolePermissions: rolePermissions,
            UserPermissions: userPermissions);
}
