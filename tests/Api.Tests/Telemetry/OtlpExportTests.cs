using System.Net;
using Recents.Api.Tests.Infrastructure;
using Recents.Hosting.Telemetry;

namespace Recents.Api.Tests.Telemetry;

/// <summary>
/// OTLP is configured by the standard variables only (docs/observability.md#otlp): with
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, both hosts send traces, metrics and logs there.
/// </summary>
public sealed class OtlpExportTests : IAsyncLifetime
{
    private readonly OtlpReceiver collector = new();
    private RecentsApiFixture? service;

    public async Task InitializeAsync()
    {
        var otlp = new Dictionary<string, string>
        {
            [TelemetrySetup.OtlpEndpointVariable] = collector.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        };
        service = new RecentsApiFixture(TestStorage.ConnectionString, siloSettings: otlp, apiSettings: otlp);
        await service.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (service is not null)
        {
            await service.DisposeAsync();
        }

        collector.Dispose();
    }

    [Fact]
    public async Task Hosts_WithTheOtlpEndpointSet_ExportTracesMetricsAndLogsThere()
    {
        // A client that sends no trace context, as a caller in another process (see TracedApiFixture.Api).
        using var http = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = service!.Client.BaseAddress };
        var userId = $"user-{Guid.NewGuid():N}";
        var user = new RecentsUser(new ApiClient(http), userId, service.Tokens.For(userId));
        var directory = await service.NewDirectory().WithViewer(userId).SaveAsync();
        using var added = await user.AddAsync(await directory.AddIModelAsync());
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!AllArrived() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var received = collector.Received;
        Assert.All(received, export => Assert.Equal("application/x-protobuf", export.ContentType));
        Assert.Contains(received, export => export.Path == "/v1/traces" && export.Holds(RecentsTelemetry.ApiServiceName));
        Assert.Contains(received, export => export.Path == "/v1/traces" && export.Holds(RecentsTelemetry.SiloServiceName));
        Assert.Contains(received, export => export.Path == "/v1/metrics" && export.Holds("http.server.request.duration"));
        Assert.Contains(received, export => export.Path == "/v1/metrics" && export.Holds("recents.list.writes"));
        Assert.Contains(received, export => export.Path == "/v1/logs");
    }

    private bool AllArrived()
    {
        var received = collector.Received;
        return received.Any(export => export.Path == "/v1/traces" && export.Holds(RecentsTelemetry.SiloServiceName))
            && received.Any(export => export.Path == "/v1/traces" && export.Holds(RecentsTelemetry.ApiServiceName))
            && received.Any(export => export.Path == "/v1/metrics" && export.Holds("recents.list.writes"))
            && received.Any(export => export.Path == "/v1/metrics" && export.Holds("http.server.request.duration"))
            && received.Any(export => export.Path == "/v1/logs");
    }
}
