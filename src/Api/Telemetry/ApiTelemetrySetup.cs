using System.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Recents.Api.Admin;
using Recents.Api.Management;
using Recents.Hosting.Telemetry;

namespace Recents.Api.Telemetry;

public static class ApiTelemetrySetup
{
    private const string UrlPathTag = "url.path";

    /// <summary>
    /// The API's metrics, traces and logs (<see cref="TelemetrySetup.AddRecentsTelemetry"/>), plus ASP.NET Core's and
    /// HttpClient's, and the Prometheus exporter whose scrape endpoint <see cref="ManagementSetup.MapManagement"/> maps
    /// on the management port. Probes and management requests make no spans: they would outnumber the requests. A span
    /// records a path that names a user as its request log line does, without the user id.
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

    /// <summary>A path under <c>/admin/users</c> names a user: the span records it as the request log line does.</summary>
    private static void RedactUserPath(Activity span, HttpRequest request)
    {
        if (UserPathLogRedaction.RedactedPathOf(request.Path) is { } redacted)
        {
            span.SetTag(UrlPathTag, request.PathBase + redacted);
        }
    }

    private static bool IsProbeOrManagement(PathString path) =>
        path.StartsWithSegments("/health") || ManagementSetup.IsManagementPath(path);
}
