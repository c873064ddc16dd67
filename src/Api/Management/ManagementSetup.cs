using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace Recents.Api.Management;

public static class ManagementSetup
{
    public const string MetricsPath = "/metrics";
    public const string DashboardPath = "/dashboard";

    public static IServiceCollection AddManagement(this IServiceCollection services)
    {
        services.AddOptions<ManagementOptions>()
            .BindConfiguration(ManagementOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Keeps the two ports apart, after routing: an operators' endpoint reached on another port, or an API route reached
    /// on the management port, is an unknown route (404). It goes by the port the connection arrived on, never by the
    /// <c>Host</c> header, which a caller chooses.
    /// </summary>
    public static IApplicationBuilder UseManagementPort(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<ManagementOptions>>().Value.Port is not { } port)
        {
            return app;
        }

        return app.Use((context, next) =>
        {
            var isManagementEndpoint = context.GetEndpoint()?.Metadata.GetMetadata<ManagementEndpoint>() is not null;
            if (isManagementEndpoint != (context.Connection.LocalPort == port))
            {
                context.SetEndpoint(null);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
    }

    /// <summary>The Prometheus scrape endpoint and the Orleans dashboard, when a management port is configured.</summary>
    public static IEndpointRouteBuilder MapManagement(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IOptions<ManagementOptions>>().Value.Port is null)
        {
            return app;
        }

        app.MapPrometheusScrapingEndpoint(MetricsPath).WithMetadata(ManagementEndpoint.Instance);
        app.MapOrleansDashboard(DashboardPath).WithMetadata(ManagementEndpoint.Instance);
        return app;
    }

    public static bool IsManagementPath(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments(DashboardPath);
}
