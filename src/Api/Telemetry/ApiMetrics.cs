using System.Diagnostics.Metrics;

namespace Recents.Api.Telemetry;

/// <summary>The API's own instruments, on the meter <c>Recents.Api</c> (docs/observability.md#metrics).</summary>
public sealed class ApiMetrics
{
    public const string MeterName = "Recents.Api";
    public const string RateLimitRefusalsInstrument = "recents.rate_limit.refusals";

    /// <summary>The client application (the token's <c>azp</c> or <c>client_id</c>), never the user.</summary>
    public const string ClientTag = "recents.client_id";

    private readonly Counter<long> rateLimitRefusals;

    public ApiMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        rateLimitRefusals = meter.CreateCounter<long>(
            RateLimitRefusalsInstrument, "{request}", "Requests refused with 429 because their client application is over its budget");
    }

    public void RateLimitRefused(string? clientId) =>
        rateLimitRefusals.Add(1, new KeyValuePair<string, object?>(ClientTag, clientId ?? "unknown"));
}
