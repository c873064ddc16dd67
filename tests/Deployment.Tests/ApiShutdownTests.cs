using Microsoft.Extensions.Hosting;
using Recents.Deployment.Tests.Infrastructure;

namespace Recents.Deployment.Tests;

/// <summary>A stopping API pod keeps serving while it leaves the endpoints, then gets time to finish its requests.</summary>
public sealed class ApiShutdownTests
{
    [Fact]
    public void PreStop_BeforeTheProcessIsStopped_Sleeps()
    {
        var preStop = Manifests.Api.OnlyContainer().Lifecycle?.PreStop;

        Assert.True(preStop?.Sleep?.Seconds > 0, "The API container needs a preStop sleep so endpoints drain before SIGTERM");
    }

    [Fact]
    public void GracePeriod_OfTheApiPod_CoversThePreStopSleepAndTheShutdownTimeout()
    {
        var pod = Manifests.Api.Spec.Template.Spec;
        var preStop = pod.Containers.Single().Lifecycle?.PreStop?.Sleep?.Seconds ?? 0;
        // The API does not change the host's default shutdown timeout (30 s).
        var shutdown = new HostOptions().ShutdownTimeout.TotalSeconds;

        Assert.True(
            pod.TerminationGracePeriodSeconds > preStop + shutdown,
            $"terminationGracePeriodSeconds {pod.TerminationGracePeriodSeconds} must exceed preStop {preStop} s + shutdown {shutdown} s");
    }
}
