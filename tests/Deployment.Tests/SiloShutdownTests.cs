using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Recents.Deployment.Tests.Infrastructure;
using Recents.Silo;

namespace Recents.Deployment.Tests;

/// <summary>Kubernetes waits for a stopping silo longer than the silo takes to hand over its grains.</summary>
public sealed class SiloShutdownTests
{
    [Fact]
    public void GracePeriod_OfTheSiloPod_ExceedsTheSilosShutdownTimeout()
    {
        var pod = Manifests.Silo.Spec.Template.Spec;
        var preStop = pod.Containers.Single().Lifecycle?.PreStop?.Sleep?.Seconds ?? 0;

        Assert.True(
            pod.TerminationGracePeriodSeconds > preStop + SiloShutdownTimeout().TotalSeconds,
            $"terminationGracePeriodSeconds {pod.TerminationGracePeriodSeconds} must exceed preStop {preStop} s + the silo's {SiloShutdownTimeout()}");
    }

    [Fact]
    public void SiloSetup_WithThePodsConfiguration_Builds() => Assert.True(SiloShutdownTimeout() > TimeSpan.Zero);

    /// <summary>The silo's own setup, fed the pod's configuration: it validates it and sets the shutdown timeout.</summary>
    private static TimeSpan SiloShutdownTimeout()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(ServiceProcess.Silo.Configuration());
        builder.AddRecentsSilo();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
    }
}
