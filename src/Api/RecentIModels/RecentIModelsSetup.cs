using System.Text.Json;
using System.Text.Json.Serialization;
using Recents.Gatekeeper;

namespace Recents.Api.RecentIModels;

public static class RecentIModelsSetup
{
    /// <summary>
    /// One gatekeeper reference for every request (a stateless worker answers on whichever silo the call reaches), and
    /// enums written as camelCase strings (<c>"initialized"</c>).
    /// </summary>
    public static IServiceCollection AddRecentIModels(this IServiceCollection services)
    {
        services.AddSingleton(provider => provider.GetRequiredService<IGrainFactory>().GetGrain<IRecentsGatekeeperGrain>(0));
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        return services;
    }
}
