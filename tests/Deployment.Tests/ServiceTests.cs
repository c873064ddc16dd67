using k8s.Models;
using Recents.Deployment.Tests.Infrastructure;

namespace Recents.Deployment.Tests;

/// <summary>The API Service sends traffic to the API pods, on their public port and never on their management port.</summary>
public sealed class ServiceTests
{
    private static V1Service Service => Manifests.Applied.OfType<V1Service>().Single();

    [Fact]
    public void TargetPort_IsTheApisPublicPort()
    {
        var container = Manifests.Api.OnlyContainer();

        Assert.All(Service.Spec.Ports, port => Assert.Equal(ApiPorts.InPod.Public, container.Resolve(port.TargetPort)));
    }

    [Fact]
    public void TargetPorts_NoneOfThem_IsTheManagementPort()
    {
        var container = Manifests.Api.OnlyContainer();
        var management = ApiPorts.InPod.Management;

        Assert.NotNull(management);
        Assert.NotEmpty(Service.Spec.Ports);
        Assert.All(Service.Spec.Ports, port => Assert.NotEqual(management, container.Resolve(port.TargetPort)));
    }

    [Fact]
    public void Selector_SelectsTheApiPodsOnly()
    {
        Assert.True(Manifests.Selects(Service.Spec.Selector, Manifests.Api.Spec.Template.Metadata.Labels), "The Service does not select the API pods");
        Assert.False(Manifests.Selects(Service.Spec.Selector, Manifests.Silo.Spec.Template.Metadata.Labels), "The Service selects the silo pods");
    }
}
