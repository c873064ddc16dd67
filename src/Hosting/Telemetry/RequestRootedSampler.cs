using OpenTelemetry.Trace;

namespace Recents.Hosting.Telemetry;

/// <summary>
/// Starts a trace only at a request the API serves, and then only for <c>ratio</c> of them (by trace id, so every
/// process that sees the trace decides alike). Without a parent, the silos' and the API's background work (membership
/// table polling, idle grains writing their state, the gateway list refresh) would each start a trace every few seconds
/// and bury the requests. Used as the root sampler of a <see cref="ParentBasedSampler"/>, so a grain call or storage
/// write made for a request follows that request's decision and stays in its trace.
/// </summary>
public sealed class RequestRootedSampler : Sampler
{
    /// <summary>The name ASP.NET Core gives the activity of each request it serves, before it renames it after the route.</summary>
    public const string HttpRequestActivityName = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    private readonly TraceIdRatioBasedSampler requests;

    /// <param name="ratio">The share of requests traced, from 0 to 1.</param>
    public RequestRootedSampler(double ratio = 1)
    {
        requests = new TraceIdRatioBasedSampler(ratio);
        Description = $"{nameof(RequestRootedSampler)}{{{ratio}}}";
    }

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Name == HttpRequestActivityName ? requests.ShouldSample(samplingParameters) : Drop;
}
