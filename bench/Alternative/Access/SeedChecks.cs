using Recents.Gatekeeper;
using Recents.PlatformDirectory;

namespace Recents.Bench.Alternative.Access;

/// <summary>What a seed item must satisfy beyond its JSON shape (the essentials of the Orleans API's body checks); null when fine.</summary>
public static class SeedChecks
{
    public static string? Check(OrganizationDetails organization) =>
        organization.Administrators.IsDefault ? "'administrators' is required."
        : organization.Administrators.All(UserIds.IsValid) ? null
        : "every administrator must be a valid user id.";

    public static string? Check(ITwinDetails iTwin) =>
        iTwin.OrganizationId == Guid.Empty ? "'organizationId' is required."
        : iTwin.Roles.IsDefault || iTwin.Roles.Any(role => role is null || role.Permissions.IsDefault) ? "'roles' (each with 'id' and 'permissions') is required."
        : iTwin.Members.IsDefault || iTwin.Members.Any(member => member is null || member.RoleIds.IsDefault || !UserIds.IsValid(member.UserId))
            ? "'members' (each with a valid 'userId' and 'roleIds') is required."
        : null;

    public static string? Check(IModelDetails iModel) =>
        iModel.ITwinId == Guid.Empty ? "'iTwinId' is required."
        : string.IsNullOrEmpty(iModel.Name) ? "'name' is required."
        : string.IsNullOrEmpty(iModel.DataCenterLocation) ? "'dataCenterLocation' is required."
        : iModel.RolePermissions is not null && iModel.UserPermissions is not null ? "an iModel carries either rolePermissions or userPermissions, not both."
        : iModel.RolePermissions is { } roles && (roles.IsDefault || roles.Any(entry => entry is null || entry.Permissions.IsDefault))
            ? "each of 'rolePermissions' needs 'roleId' and 'permissions'."
        : iModel.UserPermissions is { } users && (users.IsDefault || users.Any(entry => entry is null || entry.Permissions.IsDefault))
            ? "each of 'userPermissions' needs 'userId' and 'permissions'."
        : null;
}
