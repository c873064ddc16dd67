using Orleans.TestingHost;
using Recents.Grains.Errors;

namespace Recents.Grains.Tests.Errors;

/// <summary>
/// A grain call that times out the way a grain placement does, with an inner exception Orleans has no codec for,
/// reaches the client as a <see cref="TimeoutException"/> (which the API answers 503), not as a codec error (a 500).
/// </summary>
public sealed class SerializableTimeoutFilterTests : IAsyncLifetime
{
    private InProcessTestCluster? cluster;

    [Fact]
    public async Task TimeoutWithAnUnserializableInnerException_ReachesTheClientAsATimeout()
    {
        var grain = cluster!.Client.GetGrain<ITimingOutGrain>(0);

        var timeout = await Assert.ThrowsAsync<TimeoutException>(grain.TimeOutAsync);

        Assert.Contains("placement timed out", timeout.Message);
        Assert.Contains(nameof(UnserializableTimeoutException), timeout.Message);
        Assert.Null(timeout.InnerException);
    }

    [Fact]
    public async Task OtherFailures_ReachTheClientUnchanged()
    {
        var grain = cluster!.Client.GetGrain<ITimingOutGrain>(0);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(grain.FailAsync);

        Assert.Equal("not a timeout", failure.Message);
    }

    public async Task InitializeAsync() => cluster = await OneSiloCluster.StartAsync(silo => silo.AddSerializableGrainErrors());

    public Task DisposeAsync() => OneSiloCluster.StopAsync(cluster);
}

public interface ITimingOutGrain : IGrainWithIntegerKey
{
    Task TimeOutAsync();

    Task FailAsync();
}

public sealed class TimingOutGrain : Grain, ITimingOutGrain
{
    public Task TimeOutAsync() =>
        throw new TimeoutException("Grain placement timed out.", new UnserializableTimeoutException("placement timed out"));

    public Task FailAsync() => throw new InvalidOperationException("not a timeout");
}

/// <summary>Stands for Polly's <c>TimeoutRejectedException</c>: an exception type Orleans has no codec for.</summary>
public sealed class UnserializableTimeoutException(string message) : Exception(message);
