using Recents.PlatformDirectory;

namespace Recents.Grains.PlatformDirectory;

/// <summary>
/// The one place that decides who may see an iTwin and view an iModel (docs/api.md#who-may-view-an-imodel).
/// Pure functions of the directory facts, so every rule can be tested on its own.
/// </summary>
public static class ViewAccess
{
    public const string ViewPermission = "imodels_webview";

    /// <summary>
    /// What <paramref name="userId"/> holds in <paramref name="iTwin"/>, worked out once (one pass over its members) to
    /// decide on many of its iModels, as a list does. With <paramref name="organization"/> null (none, or not read yet),
    /// the answers are those of membership alone.
    /// </summary>
    public static ITwinViewer ViewerIn(string userId, OrganizationDetails? organization, ITwinDetails iTwin)
    {
        var memberships = iTwin.Members.Where(member => member.UserId == userId).ToList();
        var roleIds = memberships.SelectMany(member => member.RoleIds).ToHashSet();
        var canViewInITwin = iTwin.Roles.Any(role => roleIds.Contains(role.Id) && role.Permissions.Contains(ViewPermission));
        return new ITwinViewer(userId, IsAdministrator(userId, organization), isMember: memberships.Count > 0, roleIds, canViewInITwin);
    }

    /// <summary>
    /// <see cref="ViewerIn"/>, reading the organization (by <paramref name="readOrganization"/>) only when membership
    /// alone does not grant what <paramref name="isGranted"/> asks: being an administrator of the organization only ever
    /// grants more, never less, so it cannot turn a member's yes into a no.
    /// </summary>
    public static async Task<ITwinViewer> ViewerInAsync(
        string userId, ITwinDetails iTwin, Func<Task<OrganizationDetails?>> readOrganization, Func<ITwinViewer, bool> isGranted)
    {
        var asMember = ViewerIn(userId, organization: null, iTwin);
        return isGranted(asMember) ? asMember : ViewerIn(userId, await readOrganization(), iTwin);
    }

    /// <summary>A user's standing in one iTwin: what deciding on one of its iModels needs beyond the iModel itself.</summary>
    public sealed class ITwinViewer(
        string userId, bool isAdministrator, bool isMember, IReadOnlySet<Guid> roleIds, bool canViewInITwin)
    {
        /// <summary>Whether the user may list recents in the iTwin: a member or an administrator of its organization.</summary>
        public bool CanSeeITwin => isAdministrator || isMember;

        public bool CanView(IModelDetails iModel)
        {
            if (isAdministrator)
            {
                return true;
            }

            if (iModel.UserPermissions is { } userPermissions)
            {
                return userPermissions.Any(entry => entry.UserId == userId && entry.Permissions.Contains(ViewPermission));
            }

            if (iModel.RolePermissions is { } rolePermissions)
            {
                return canViewInITwin && rolePermissions.Any(
                    entry => roleIds.Contains(entry.RoleId) && entry.Permissions.Contains(ViewPermission));
            }

            return canViewInITwin;
        }
    }

    private static bool IsAdministrator(string userId, OrganizationDetails? organization) =>
        organization is not null && organization.Administrators.Contains(userId);
}
