using System.Collections.Immutable;
using Recents.PlatformDirectory;

namespace Recents.Grains.Tests;

/// <summary>
/// Field-by-field equality of directory entries: records holding ImmutableArray compare the arrays by
/// reference, so their elements are compared here instead (as text, which also reads well in a failure).
/// </summary>
internal static class DetailsAssert
{
    public static void Equal(OrganizationDetails expected, OrganizationDetails? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(Describe(expected.Administrators), Describe(actual.Administrators));
    }

    public static void Equal(ITwinDetails expected, ITwinDetails? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.OrganizationId, actual.OrganizationId);
        Assert.Equal(Describe(expected.Roles, DescribeRole), Describe(actual.Roles, DescribeRole));
        Assert.Equal(Describe(expected.Members, DescribeMember), Describe(actual.Members, DescribeMember));
    }

    public static void Equal(IModelDetails expected, IModelDetails? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.ITwinId, actual.ITwinId);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.CreatedDateTime, actual.CreatedDateTime);
        Assert.Equal(expected.Extent, actual.Extent);
        Assert.Equal(expected.DataCenterLocation, actual.DataCenterLocation);
        Assert.Equal(Describe(expected.RolePermissions), Describe(actual.RolePermissions));
        Assert.Equal(Describe(expected.UserPermissions), Describe(actual.UserPermissions));
        Assert.Equal(expected.IsSecured, actual.IsSecured);
    }

    private static string DescribeRole(ITwinRole role) => $"{role.Id}: {Describe(role.Permissions)}";

    private static string DescribeMember(ITwinMember member) => $"{member.UserId}: {Describe(member.RoleIds)}";

    private static string? Describe(ImmutableArray<RolePermissions>? grants) =>
        grants is { } some ? Describe(some, grant => $"{grant.RoleId}: {Describe(grant.Permissions)}") : null;

    private static string? Describe(ImmutableArray<UserPermissions>? grants) =>
        grants is { } some ? Describe(some, grant => $"{grant.UserId}: {Describe(grant.Permissions)}") : null;

    private static string Describe<T>(ImmutableArray<T> values) => Describe(values, value => $"{value}");

    private static string Describe<T>(ImmutableArray<T> values, Func<T, string> describe) =>
        values.IsDefault ? "(default array)" : $"[{string.Join(" | ", values.Select(describe))}]";
}
