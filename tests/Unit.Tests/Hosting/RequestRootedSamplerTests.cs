using System.Diagnostics;
using OpenTelemetry.Trace;
using Recents.Hosting.Telemetry;

namespace Recents.Unit.Tests.Hosting;

public sealed class RequestRootedSamplerTests
{
    private static readonly Sampler Sampler = new ParentBasedSampler(new RequestRootedSampler());

    [Fact]
    public void Root_OfAnHttpRequest_IsRecorded()
    {
        var decision = Decide(default, RequestRootedSampler.HttpRequestActivityName, ActivityKind.Server);

        Assert.Equal(SamplingDecision.RecordAndSample, decision);
    }

    [Theory]
    [InlineData("Azure.Data.Tables.TableClient.Query", ActivityKind.Client)]
    [InlineData("IMembershipTable/ReadAll", ActivityKind.Client)]
    [InlineData("Recents.Grains.PlatformDirectory.IIModelGrain/GetITwinId", ActivityKind.Server)]
    public void Root_OfBackgroundWork_IsDropped(string name, ActivityKind kind)
    {
        var decision = Decide(default, name, kind);

        Assert.Equal(SamplingDecision.Drop, decision);
    }

    [Theory]
    [InlineData(ActivityTraceFlags.Recorded, SamplingDecision.RecordAndSample)]
    [InlineData(ActivityTraceFlags.None, SamplingDecision.Drop)]
    public void Child_OfARemoteParent_FollowsTheParentsDecision(ActivityTraceFlags parentFlags, SamplingDecision expected)
    {
        var parent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), parentFlags, isRemote: true);

        var decision = Decide(parent, "Azure.Data.Tables.TableClient.UpsertEntity", ActivityKind.Client);

        Assert.Equal(expected, decision);
    }

    private static SamplingDecision Decide(ActivityContext parent, string name, ActivityKind kind)
    {
        var traceId = parent == default ? ActivityTraceId.CreateRandom() : parent.TraceId;
        return Sampler.ShouldSample(new SamplingParameters(parent, traceId, name, kind)).Decision;
    }
}
