using Recents.Gatekeeper;

namespace Recents.Api.Favorites;

public static class FavoritesSetup
{
    /// <summary>One gatekeeper reference for every request, and the continuation tokens, whose key is read once.</summary>
    public static IServiceCollection AddFavorites(this IServiceCollection services)
    {
        services.AddSingleton(provider => provider.GetRequiredService<IGrainFactory>().GetGrain<IFavoritesGatekeeperGrain>(0));
        services.AddSingleton<ContinuationTokens>();
        return services;
    }
}
