using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Recents.Api.Management;
using Recents.Deployment.Tests.Infrastructure;

namespace Recents.Deployment.Tests;

/// <summary>
/// The API pod listens on its public port and on its management port (<c>/metrics</c>, <c>/dashboard</c>), declares
/// both, and says how an operator reaches the dashboard.
/// </summary>
public sealed partial class ManagementPortTests
{
    [Fact]
    public void ListenPorts_OfTheApi_AreThePublicAndTheManagementPort()
    {
        var ports = ApiPorts.InPod;

        Assert.NotNull(ports.Management);
        Assert.Equal(new[] { ports.Public, ports.Management.Value }.Order(), ports.Listening.Order());
    }

    [Fact]
    public void ContainerPorts_OfTheApi_NameThePublicAndTheManagementPort()
    {
        var declared = Manifests.Api.OnlyContainer().Ports.ToDictionary(port => port.Name, port => port.ContainerPort);

        Assert.Equal(ApiPorts.InPod.Public, declared["http"]);
        Assert.Equal(ApiPorts.InPod.Management, declared["management"]);
    }

    [Fact]
    public void ManagementOptions_InThePod_PassTheApisValidation()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(ServiceProcess.Api.Configuration());
        builder.Services.AddManagement();
        using var app = builder.Build();

        // Value runs the data annotation checks (a port within 1 to 65535).
        Assert.Equal(ApiPorts.InPod.Management, app.Services.GetRequiredService<IOptions<ManagementOptions>>().Value.Port);
    }

    [Fact]
    public void DashboardComment_OfTheApiDeployment_ForwardsToTheManagementPortAndOpensTheDashboard()
    {
        var text = Manifests.Text("api-deployment.yaml");
        var forward = PortForward().Match(text);
        var url = LocalUrl().Match(text);

        Assert.True(forward.Success, "api-deployment.yaml does not say how to port-forward to the dashboard");
        Assert.True(url.Success, "api-deployment.yaml does not give the dashboard's local address");
        Assert.Equal(Manifests.ApiDeploymentName, forward.Groups["deployment"].Value);
        Assert.Equal(ApiPorts.InPod.Management, int.Parse(forward.Groups["remote"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(forward.Groups["local"].Value, url.Groups["local"].Value);
        Assert.Equal(ManagementSetup.DashboardPath, url.Groups["path"].Value);
    }

    [GeneratedRegex(@"kubectl port-forward deploy/(?<deployment>[-a-z0-9]+)\b[^\n]*?\s(?<local>[0-9]+):(?<remote>[0-9]+)")]
    private static partial Regex PortForward();

    [GeneratedRegex(@"http://127\.0\.0\.1:(?<local>[0-9]+)(?<path>/[-a-z]*)")]
    private static partial Regex LocalUrl();
}
