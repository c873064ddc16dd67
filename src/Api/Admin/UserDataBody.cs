using System.ComponentModel;
using Recents.UserData;

namespace Recents.Api.Admin;

/// <summary>The body of <c>GET /admin/users/{userId}/data</c>: everything the service keeps for the user.</summary>
public sealed record UserDataBody(
    [property: Description("The user's recents as stored, most recently used first (at most 25), whether or not the user may still view them.")]
    IReadOnlyList<UserRecentItem> Recents,
    [property: Description("The user's favorites as stored, most recently added first, whether or not the user may still view them.")]
    IReadOnlyList<UserFavoriteItem> Favorites)
{
    public static UserDataBody From(UserDataExport data) => new(
        [.. data.Recents.Select(entry => new UserRecentItem(entry.IModelId, entry.ITwinId))],
        [.. data.Favorites.Select(entry => new UserFavoriteItem(entry.IModelId, entry.ITwinId, entry.Position))]);
}

/// <summary>One of the user's recents.</summary>
public sealed record UserRecentItem(
    [property: Description("The iModel's id.")] Guid IModelId,
    [property: Description("The id of the iTwin the iModel belongs to.")] Guid ITwinId);

/// <summary>One of the user's favorites.</summary>
public sealed record UserFavoriteItem(
    [property: Description("The iModel's id.")] Guid IModelId,
    [property: Description("The id of the iTwin the iModel belongs to.")] Guid ITwinId,
    [property: Description("The favorite's place: greater for a more recently added favorite; it never changes while the iModel stays a favorite.")]
    long Position);
