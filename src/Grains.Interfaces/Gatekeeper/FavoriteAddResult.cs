namespace Recents.Gatekeeper;

/// <summary>What became of <see cref="IFavoritesGatekeeperGrain.AddFavoriteAsync"/>; only <see cref="Added"/> is a favorite now.</summary>
[GenerateSerializer, Alias("recents.FavoriteAddResult.v1")]
public enum FavoriteAddResult
{
    /// <summary>A favorite now: newly added, or already one and left in its place.</summary>
    Added = 0,

    /// <summary>No such iModel, or the user may not view it.</summary>
    NotFound = 1,

    /// <summary>The user already holds <see cref="FavoritesLimits.Capacity"/> favorites; nothing changed.</summary>
    LimitReached = 2,
}
