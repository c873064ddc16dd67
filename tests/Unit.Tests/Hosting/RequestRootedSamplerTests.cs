using System.Diagnostics;
using Microsoft.Extensions.Configuration;
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

    [Fact]
    public void Root_OfAnHttpRequest_WithRatioZero_IsDropped()
    {
        var none = new ParentBasedSampler(new RequestRootedSampler(ratio: 0));

        var decision = none.ShouldSample(new SamplingParameters(
            default, ActivityTraceId.CreateRandom(), RequestRootedSampler.HttpRequestActivityName, ActivityKind.Server)).Decision;

        Assert.Equal(SamplingDecision.Drop, decision);
    }

    [Fact]
    public void Roots_OfHttpRequests_WithRatioAQuarter_AreAboutAQuarterRecorded()
    {
        var quarter = new RequestRootedSampler(ratio: 0.25);

        var recorded = Enumerable.Range(0, 4000).Count(_ => quarter.ShouldSample(new SamplingParameters(
            default, ActivityTraceId.CreateRandom(), RequestRootedSampler.HttpRequestActivityName, ActivityKind.Server)).Decision
            == SamplingDecision.RecordAndSample);

        Assert.InRange(recorded, 800, 1200);
    }

    [Theory]
    [InlineData(null, 1.0)]
    [InlineData("0.25", 0.25)]
    [InlineData("0", 0.0)]
    public void SampleRatio_UnsetOrFromZeroToOne_IsTheRatio(string? value, double expected)
    {
        Assert.Equal(expected, TelemetrySetup.SampleRatio(Configuration(value)));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("ten percent")]
    public void SampleRatio_NotFromZeroToOne_IsRefusedNamingTheVariable(string value)
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => TelemetrySetup.SampleRatio(Configuration(value)));

        Assert.Contains(TelemetrySetup.SampleRatioVariable, refusal.Message, StringComparison.Ordinal);
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

    private static IConfiguration Configuration(string? ratio) =>
        new ConfigurationBuilder().AddInMemoryCollection(
            ratio is null ? [] : [KeyValuePair.Create(TelemetrySetup.SampleRatioVariable, (string?)ratio)]).Build();

    private static SamplingDecision Decide(ActivityContext parent, string name, ActivityKind kind)
    {
        var traceId = parent == default ? ActivityTraceId.CreateRandom() : parent.TraceId;
        return Sampler.ShouldSample(new SamplingParameters(parent, traceId, name, kind)).Decision;
    }
}
