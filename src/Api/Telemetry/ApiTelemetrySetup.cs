using System.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Recents.Api.Admin;
using Recents.Api.Management;
using Recents.Hosting.Telemetry;

namespace Recents.Api.Telemetry;

public static class ApiTelemetrySetup
{
    private const string UrlPathAttribute = "url.path";

    /// <summary>
    /// The API's metrics, traces and logs (<see cref="TelemetrySetup.AddRecentsTelemetry"/>), plus ASP.NET Core's and
    /// HttpClient's, and the Prometheus exporter whose scrape endpoint <see cref="ManagementSetup.MapManagement"/> maps
    /// on the management port. Probes and management requests make no spans: they would outnumber the requests. A path
    /// that names a user is recorded on the span as the log line records it (<see cref="UserPathRedaction"/>).
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
                .AddAspNetCoreInstrumentation(requests =>
                {
                    requests.Filter = context => !IsProbeOrManagement(context.Request.Path);
                    requests.EnrichWithHttpRequest = RedactUserPath;
                })
                .AddHttpClientInstrumentation());
        return builder;
    }

    private static void RedactUserPath(Activity span, HttpRequest request)
    {
        if (UserPathRedaction.Of(request.Path) is { } redacted)
        {
            span.SetTag(UrlPathAttribute, redacted);
        }
    }

    private static bool IsProbeOrManagement(PathString path) =>
        path.StartsWithSegments("/health") || ManagementSetup.IsManagementPath(path);
}
