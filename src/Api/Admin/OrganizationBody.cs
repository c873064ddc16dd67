using System.Collections.Immutable;
using Recents.PlatformDirectory;

namespace Recents.Api.Admin;

/// <summary><c>PUT /admin/organizations/{id}</c>: <c>{"administrators": ["&lt;userId&gt;", ...]}</c>.</summary>
public sealed record OrganizationBody(IReadOnlyList<string?>? Administrators)
{
    public OrganizationDetails? ToDetails(BodyErrors errors)
    {
        var administrators = errors.RequireList(Administrators, "administrators")
            .Select((userId, i) => errors.RequireUserId(userId, $"administrators[{i}]"))
            .ToImmutableArray();
        return errors.Any ? null : new OrganizationDetails(administrators);
    }
}
