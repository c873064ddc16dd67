namespace Recents.Hosting.Telemetry;

/// <summary>The names this service's telemetry is published under (docs/observability.md#metrics).</summary>
public static class RecentsTelemetry
{
    /// <summary>Every meter and activity source of this service is named <c>Recents.*</c>.</summary>
    public const string NamePattern = "Recents.*";

    /// <summary>The <c>service.name</c> of the API processes.</summary>
    public const string ApiServiceName = "recents-api";

    /// <summary>The <c>service.name</c> of the silo processes.</summary>
    public const string SiloServiceName = "recents-silo";

    /// <summary>Orleans grain calls (client and server spans); its runtime and storage sources follow a request too.</summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Storage"];

    /// <summary>Azure SDK client calls (Table storage), published only with the switch in <see cref="TelemetrySetup"/>.</summary>
    public const string AzureSources = "Azure.*";

    /// <summary>Orleans' meter: grain calls, activations, messaging, membership.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// Orleans instruments recorded for every message (a grain call is two or more): not collected, because they cost
    /// more CPU per request than they tell an operator that <c>orleans-app-requests-latency</c> and the grain and
    /// activation counts do not (docs/performance.md#telemetry).
    /// </summary>
    public static readonly string[] OrleansPerMessageInstruments =
        ["orleans-messaging-*", "orleans-gateway-sent", "orleans-gateway-received", "orleans-directory-lookups-*"];
}
