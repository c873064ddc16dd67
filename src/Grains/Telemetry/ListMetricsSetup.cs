using Microsoft.Extensions.DependencyInjection;

namespace Recents.Grains.Telemetry;

public static class ListMetricsSetup
{
    /// <summary>The grains' metrics: every silo that hosts the grains of this project registers them.</summary>
    public static IServiceCollection AddListMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<ListMetrics>();
        return services;
    }
}
