using System.Collections.Immutable;

namespace Recents.Gatekeeper;

/// <summary>
/// The only way into a user's favorites, as <see cref="IRecentsGatekeeperGrain"/> is into their recents: it decides
/// who may view what (docs/api.md#who-may-view-an-imodel) against the directory as it is now, and only then calls the
/// user's favorites grain.
/// </summary>
[Alias("recents.IFavoritesGatekeeperGrain")]
public interface IFavoritesGatekeeperGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Adds the iModel to <paramref name="userId"/>'s favorites, or keeps it where it is when it already is one; durable
    /// when answered. Nothing changes unless the iModel exists, the user may view it now, and there is room for it.
    /// </summary>
    [Alias("AddFavorite")]
    Task<FavoriteAddResult> AddFavoriteAsync(string userId, Guid iModelId);

    /// <summary>
    /// Removes the iModel from <paramref name="userId"/>'s favorites and returns true once durable: whenever it was a
    /// favorite, even one the user may no longer view or that was deleted; otherwise true when the user may view it
    /// now (nothing to remove), false when not (nothing changed).
    /// </summary>
    [Alias("RemoveFavorite")]
    Task<bool> RemoveFavoriteAsync(string userId, Guid iModelId);

    /// <summary>
    /// Null when the iTwin does not exist or <paramref name="userId"/> may not see it. Otherwise the user's favorites of
    /// the iTwin that still exist there and the user may view now, most recently added first.
    /// </summary>
    [Alias("ListFavorites")]
    Task<ImmutableArray<ListedFavorite>?> ListFavoritesAsync(string userId, Guid iTwinId);
}
