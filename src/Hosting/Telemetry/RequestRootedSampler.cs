using OpenTelemetry.Trace;

namespace Recents.Hosting.Telemetry;

/// <summary>
/// Starts a trace only at a request the API serves. Without a parent, the silos' and the API's background work
/// (membership table polling, idle grains writing their state, the gateway list refresh) would each start a trace every
/// few seconds and bury the requests. Used as the root sampler of a <see cref="ParentBasedSampler"/>, so a grain call or
/// storage write made for a request follows that request's decision and stays in its trace.
/// </summary>
public sealed class RequestRootedSampler : Sampler
{
    /// <summary>The name ASP.NET Core gives the activity of each request it serves, before it renames it after the route.</summary>
    public const string HttpRequestActivityName = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    private static readonly SamplingResult Record = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public RequestRootedSampler() => Description = nameof(RequestRootedSampler);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Name == HttpRequestActivityName ? Record : Drop;
}
