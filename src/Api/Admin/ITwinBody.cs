using System.Collections.Immutable;
using Recents.PlatformDirectory;

namespace Recents.Api.Admin;

/// <summary><c>PUT /admin/itwins/{id}</c>: the organization, roles with their permissions, and members with their roles.</summary>
public sealed record ITwinBody(string? OrganizationId, IReadOnlyList<ITwinBody.Role?>? Roles, IReadOnlyList<ITwinBody.Member?>? Members)
{
    public sealed record Role(string? Id, IReadOnlyList<string?>? Permissions);

    public sealed record Member(string? UserId, IReadOnlyList<string?>? RoleIds);

    public ITwinDetails? ToDetails(BodyErrors errors)
    {
        var organizationId = errors.RequireDirectoryId(OrganizationId, "organizationId");
        var roles = errors.RequireList(Roles, "roles")
            .Select((role, i) => new ITwinRole(
                errors.RequireId(role.Id, $"roles[{i}].id"),
                Permissions.Validate(role.Permissions, $"roles[{i}].permissions", errors)))
            .ToImmutableArray();
        var members = errors.RequireList(Members, "members")
            .Select((member, i) => new ITwinMember(
                errors.RequireUserId(member.UserId, $"members[{i}].userId"),
                errors.RequireList(member.RoleIds, $"members[{i}].roleIds")
                    .Select((roleId, j) => errors.RequireId(roleId, $"members[{i}].roleIds[{j}]"))
                    .ToImmutableArray()))
            .ToImmutableArray();
        return errors.Any ? null : new ITwinDetails(organizationId, roles, members);
    }
}
