using System.Globalization;
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

    /// <summary>The standard variable of a ratio sampler's argument: here, the share of requests traced (0 to 1; 1 if unset).</summary>
    public const string SampleRatioVariable = "OTEL_TRACES_SAMPLER_ARG";

    /// <summary>
    /// OpenTelemetry metrics, traces and logs for one process of the service, named <paramref name="serviceName"/>:
    /// the .NET runtime, Orleans and <c>Recents.*</c> meters; Orleans grain call, Orleans storage and Azure Table spans
    /// in the trace of the request that caused them (<see cref="RequestRootedSampler"/>); logs with their scopes and
    /// the trace and span ids. Exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, configured by the
    /// standard <c>OTEL_*</c> variables; <c>OTEL_TRACES_SAMPLER_ARG</c> is the share of requests traced. The host adds its own instrumentation and scrape endpoint through the returned builder.
    /// </summary>
    public static OpenTelemetryBuilder AddRecentsTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        AppContext.SetSwitch(AzureActivitySwitch, true);
        var sampleRatio = SampleRatio(builder.Configuration);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeScopes = true;
            logging.IncludeFormattedMessage = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddRuntimeInstrumentation().AddMeter(RecentsTelemetry.OrleansMeter, RecentsTelemetry.NamePattern);
                foreach (var instrument in RecentsTelemetry.OrleansPerMessageInstruments)
                {
                    metrics.AddView(instrument, MetricStreamConfiguration.Drop);
                }
            })
            .WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new RequestRootedSampler(sampleRatio)))
                .AddSource(RecentsTelemetry.OrleansSources)
                .AddSource(RecentsTelemetry.AzureSources, RecentsTelemetry.NamePattern));

        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]))
        {
            telemetry.UseOtlpExporter();
        }

        return telemetry;
    }

    /// <summary>
    /// <c>OTEL_TRACES_SAMPLER_ARG</c>, read while services are registered because the sampler is built then; a value that
    /// is not a number from 0 to 1 stops the host, naming the variable.
    /// </summary>
    public static double SampleRatio(IConfiguration configuration)
    {
        var value = configuration[SampleRatioVariable];
        if (string.IsNullOrWhiteSpace(value))
        {
            return 1;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1
            ? ratio
            : throw new InvalidOperationException($"{SampleRatioVariable} must be a number from 0 to 1, not '{value}'.");
    }
}
