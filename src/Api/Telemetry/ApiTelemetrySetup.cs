using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Recents.Api.Management;
using Recents.Hosting.Telemetry;

namespace Recents.Api.Telemetry;

public static class ApiTelemetrySetup
{
    /// <summary>
    /// The API's metrics, traces and logs (<see cref="TelemetrySetup.AddRecentsTelemetry"/>), plus ASP.NET Core's and
    /// HttpClient's, and the Prometheus exporter whose scrape endpoint <see cref="ManagementSetup.MapManagement"/> maps
    /// on the management port. Probes and management requests make no spans: they would outnumber the requests.
    /// </summary>
    public static WebApplicationBuilder AddApiTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiMetrics>();
        builder.AddRecentsTelemetry(RecentsTelemetry.ApiServiceName)
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(requests => requests.Filter = context => !IsProbeOrManagement(context.Request.Path))
                .AddHttpClientInstrumentation());
        return builder;
    }

    private static bool IsProbeOrManagement(PathString path) =>
        path.StartsWithSegments("/health") || ManagementSetup.IsManagementPath(path);
}
