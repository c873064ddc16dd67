using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Recents.Api.Tests.Telemetry;

/// <summary>
/// What the OpenTelemetry providers of the API and the silo export, kept in memory. Both hosts run in this process and
/// each host's tracer provider records every activity of the sources it subscribes, whichever host started it, so a
/// span shared by their sources reaches both: <see cref="Spans"/> holds each span once.
/// </summary>
public sealed class CapturedTelemetry
{
    private readonly LockedCollection<Activity> spans = new();
    private readonly LockedCollection<MetricSnapshot> metrics = new();
    private readonly LockedCollection<LogRecord> logs = new();

    public IReadOnlyList<Activity> Spans => spans.Snapshot().DistinctBy(span => span.SpanId).ToList();

    public IReadOnlyList<MetricSnapshot> Metrics => metrics.Snapshot();

    public IReadOnlyList<LogRecord> Logs => logs.Snapshot();

    /// <summary>Adds the in-memory exporters to a host's providers; applied after the host's own telemetry setup.</summary>
    public void Register(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
        services.AddLogging(logging => logging.AddOpenTelemetry(options => options.AddInMemoryExporter(logs)));
    }

    /// <summary>Exports what a host's tracer and meter providers still hold (metrics are only exported when collected).</summary>
    public static void Flush(IServiceProvider host)
    {
        host.GetRequiredService<TracerProvider>().ForceFlush();
        host.GetRequiredService<MeterProvider>().ForceFlush();
    }
}
