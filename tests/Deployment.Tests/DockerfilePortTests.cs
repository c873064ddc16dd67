using Microsoft.Extensions.Configuration;
using Recents.Deployment.Tests.Infrastructure;
using Recents.Silo;

namespace Recents.Deployment.Tests;

/// <summary>Each image exposes the ports its process listens on, which are the ports its pod declares.</summary>
public sealed class DockerfilePortTests
{
    private static IEnumerable<int> Exposed(string target) => Dockerfile.Load().Stage(target).All("EXPOSE")
        .SelectMany(instruction => instruction.Words)
        .Select(word => int.Parse(word.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture))
        .Order();

    [Fact]
    public void SiloImage_Exposes_TheSiloGatewayAndMetricsPorts()
    {
        var endpoints = ServiceProcess.Silo.ImageConfiguration().GetSection(SiloEndpointOptions.SectionName).Get<SiloEndpointOptions>() ?? new();

        Assert.True(endpoints.MetricsPort > 0, "The silo image serves no /metrics (Silo__MetricsPort)");
        Assert.Equal(new[] { endpoints.SiloPort, endpoints.GatewayPort, endpoints.MetricsPort }.Order(), Exposed("silo"));
    }

    [Fact]
    public void ApiImage_Exposes_ThePortsItListensOnAndThePodDeclares()
    {
        Assert.Equal(ApiPorts.InImage.Listening.Order(), Exposed("api"));
        Assert.Equal(ApiPorts.InPod.Listening.Order(), Manifests.Api.OnlyContainer().Ports.Select(port => port.ContainerPort).Order());
    }

    [Fact]
    public void ApiImage_ManagementPort_IsThePodsManagementPort()
    {
        Assert.NotNull(ApiPorts.InImage.Management);
        Assert.Equal(ApiPorts.InImage.Management, ApiPorts.InPod.Management);
    }
}
