using Microsoft.Extensions.Configuration;
using Recents.Deployment.Tests.Infrastructure;
using Recents.Silo;
using Recents.Silo.Telemetry;

namespace Recents.Deployment.Tests;

/// <summary>The silo pod opens the ports the silo is configured to listen on (its /metrics too), and advertises its pod IP.</summary>
public sealed class SiloPortTests
{
    private static SiloEndpointOptions Endpoints =>
        ServiceProcess.Silo.Configuration().GetSection(SiloEndpointOptions.SectionName).Get<SiloEndpointOptions>() ?? new();

    [Fact]
    public void ContainerPorts_AreTheSiloGatewayAndMetricsPorts()
    {
        var ports = Manifests.Silo.OnlyContainer().Ports.Select(port => port.ContainerPort).Order();

        Assert.Equal(new[] { Endpoints.SiloPort, Endpoints.GatewayPort, Endpoints.MetricsPort }.Order(), ports);
    }

    [Fact]
    public void MetricsPort_DiffersFromTheSiloAndGatewayPorts()
    {
        Assert.True(Endpoints.MetricsPort > 0, "The silo pod serves no /metrics (Silo__MetricsPort)");
        Assert.DoesNotContain(Endpoints.MetricsPort, new[] { Endpoints.SiloPort, Endpoints.GatewayPort });
    }

    [Fact]
    public void MetricsListener_InThePod_ListensOnEveryAddress() =>
        Assert.Equal("*", SiloTelemetrySetup.ScrapeHost(Endpoints));

    [Fact]
    public void Probes_ConnectToTheGatewayPort()
    {
        var container = Manifests.Silo.OnlyContainer();
        var probes = new[] { container.StartupProbe, container.ReadinessProbe, container.LivenessProbe };

        Assert.All(probes, probe =>
        {
            Assert.NotNull(probe?.TcpSocket);
            Assert.Equal(Endpoints.GatewayPort, container.Resolve(probe.TcpSocket.Port));
        });
    }

    [Fact]
    public void Endpoints_AdvertiseThePodIpAndListenOnEveryAddress()
    {
        var advertised = Manifests.Silo.OnlyContainer().Env.Single(variable => variable.Name == "Silo__AdvertisedIPAddress");

        Assert.Equal("status.podIP", advertised.ValueFrom?.FieldRef?.FieldPath);
        Assert.True(Endpoints.ListenOnAnyHostAddress);
    }
}
