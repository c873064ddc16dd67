using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Recents.Hosting.Telemetry;

public static class TelemetrySetup
{
    /// <summary>The AppContext switch that makes the Azure SDK publish an activity per client call (experimental, off by default).</summary>
    public const string AzureActivitySwitch = "Azure.Experimental.EnableActivitySource";

    /// <summary>The standard variable whose presence turns the OTLP exporter on; its siblings (<c>OTEL_*</c>) configure it.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// OpenTelemetry metrics, traces and logs for one process of the service, named <paramref name="serviceName"/>:
    /// the .NET runtime, Orleans and <c>Recents.*</c> meters; Orleans grain call, Orleans storage and Azure Table spans
    /// in the trace of the request that caused them (<see cref="RequestRootedSampler"/>); logs with their scopes and
    /// the trace and span ids. Exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, configured by the
    /// standard <c>OTEL_*</c> variables. The host adds its own instrumentation and scrape endpoint through the returned builder.
    /// </summary>
    public static OpenTelemetryBuilder AddRecentsTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        AppContext.SetSwitch(AzureActivitySwitch, true);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeScopes = true;
            logging.IncludeFormattedMessage = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddRuntimeInstrumentation()
                .AddMeter(RecentsTelemetry.OrleansMeter, RecentsTelemetry.NamePattern))
            .WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new RequestRootedSampler()))
                .AddSource(RecentsTelemetry.OrleansSources)
                .AddSource(RecentsTelemetry.AzureSources, RecentsTelemetry.NamePattern));

        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]))
        {
            telemetry.UseOtlpExporter();
        }

        return telemetry;
    }
}
