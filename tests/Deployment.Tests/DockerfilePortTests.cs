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
    public void SiloImage_Exposes_TheSiloAndGatewayPorts()
    {
        var endpoints = ServiceProcess.Silo.ImageConfiguration().GetSection(SiloEndpointOptions.SectionName).Get<SiloEndpointOptions>() ?? new();

        Assert.Equal(new[] { endpoints.SiloPort, endpoints.GatewayPort }.Order(), Exposed("silo"));
    }

    [Fact]
    public void ApiImage_Exposes_ThePortItListensOnAndThePodDeclares()
    {
        Assert.Equal([ApiPort.Listening], Exposed("api"));
        Assert.Equal([ApiPort.Listening], Manifests.Api.OnlyContainer().Ports.Select(port => port.ContainerPort));
    }
}
