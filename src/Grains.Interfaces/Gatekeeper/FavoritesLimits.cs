namespace Recents.Gatekeeper;

public static class FavoritesLimits
{
    /// <summary>The most favorites one user holds across all iTwins, counting those they can no longer view.</summary>
    public const int Capacity = 1000;
}
