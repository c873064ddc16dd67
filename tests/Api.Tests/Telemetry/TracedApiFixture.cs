using System.Diagnostics;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests.Telemetry;

/// <summary>
/// A silo and an API of their own (see <see cref="RecentsApiFixture"/>) whose telemetry is captured: one per test
/// class, so that these hosts serve that class's requests only. Each tracer provider still sees the activities of
/// every host in this process, so tests pick their spans by trace id. Both hosts log the service's own categories down
/// to Debug, so that more of what it writes is seen.
/// </summary>
public sealed class TracedApiFixture : IAsyncLifetime
{
    private static readonly Dictionary<string, string> VerboseLogging = new() { ["Logging:LogLevel:Recents"] = "Debug" };

    private HttpClient? client;

    public TracedApiFixture()
    {
        Service = new RecentsApiFixture(
            TestStorage.ConnectionString, siloSettings: VerboseLogging, apiSettings: VerboseLogging, services: Telemetry.Register);
    }

    public CapturedTelemetry Telemetry { get; } = new();

    public RecentsApiFixture Service { get; }

    /// <summary>
    /// Calls the API as a caller in another process would, sending no trace context. The API's HttpClient
    /// instrumentation listens in this whole process: it would give the test's own request an unsampled activity and
    /// send its <c>traceparent</c>, and the API's parent-based sampler would then drop the request's trace. A handler
    /// without a propagator makes no activity for its requests.
    /// </summary>
    public ApiClient Api => new(client ?? throw new InvalidOperationException("The fixture has not started."));

    public async Task InitializeAsync()
    {
        await Service.InitializeAsync();
        var handler = new SocketsHttpHandler { ActivityHeadersPropagator = null };
        client = new HttpClient(handler) { BaseAddress = Service.Client.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        await Service.DisposeAsync();
    }

    /// <summary>A caller with a fresh user id and a token without <c>client_id</c>, as <see cref="FixtureExtensions.NewUser"/> makes.</summary>
    public RecentsUser NewUser()
    {
        var id = $"user-{Guid.NewGuid():N}";
        return new(Api, id, Service.Tokens.For(id));
    }

    public AdminApi Admin() => new(Api, Service.Tokens.ForAdmin());

    public DirectoryBuilder NewDirectory() => new(Admin());

    public void Flush()
    {
        CapturedTelemetry.Flush(Service.ApiServices);
        CapturedTelemetry.Flush(Service.SiloServices);
    }

    /// <summary>
    /// The spans of the trace, once its root has ended and every span's parent is there too (a silo's server span
    /// ends as it sends its answer, which may be after the API has answered); as they are after five seconds otherwise.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> TraceAsync(ActivityTraceId traceId)
    {
        IReadOnlyList<Activity> trace = [];
        for (var attempt = 0; attempt < 50; attempt++)
        {
            Flush();
            trace = Telemetry.Spans.Where(span => span.TraceId == traceId).ToList();
            var spanIds = trace.Select(span => span.SpanId).ToHashSet();
            if (trace.Any(span => span.ParentSpanId == default)
                && trace.All(span => span.ParentSpanId == default || spanIds.Contains(span.ParentSpanId)))
            {
                return trace;
            }

            await Task.Delay(100);
        }

        return trace;
    }

    /// <summary>The API's server span that matches; it ends as the response completes, so it may trail the response a little.</summary>
    public async Task<Activity> ServerSpanAsync(Func<Activity, bool> matches)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            Flush();
            var span = Telemetry.Spans.FirstOrDefault(candidate =>
                candidate.Kind == ActivityKind.Server && candidate.Source.Name == "Microsoft.AspNetCore" && matches(candidate));
            if (span is not null)
            {
                return span;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("No such server span of the API was exported.");
    }
}
