using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Recents.Api.Health;
using Recents.Deployment.Tests.Infrastructure;

namespace Recents.Deployment.Tests;

/// <summary>The API pod's probes ask routes the API maps, on the port it listens on.</summary>
public sealed class ApiProbeTests
{
    [Fact]
    public void ProbePaths_AreRoutesTheApiMaps()
    {
        var routes = HealthRoutes();

        Assert.All(HttpProbes(), probe => Assert.Contains(probe.HttpGet.Path, routes));
    }

    [Fact]
    public void Probes_ReadinessAndLiveness_AskReadyAndLive()
    {
        var container = Manifests.Api.OnlyContainer();

        Assert.Equal("/health/ready", container.ReadinessProbe?.HttpGet?.Path);
        Assert.Equal("/health/live", container.LivenessProbe?.HttpGet?.Path);
        Assert.Equal("/health/live", container.StartupProbe?.HttpGet?.Path);
    }

    [Fact]
    public void ProbePorts_AreThePublicPort()
    {
        var container = Manifests.Api.OnlyContainer();

        // The health routes answer 404 on the management port.
        Assert.All(HttpProbes(), probe => Assert.Equal(ApiPorts.InPod.Public, container.Resolve(probe.HttpGet.Port)));
    }

    private static IEnumerable<k8s.Models.V1Probe> HttpProbes()
    {
        var container = Manifests.Api.OnlyContainer();
        var probes = new[] { container.StartupProbe, container.ReadinessProbe, container.LivenessProbe };
        Assert.All(probes, probe => Assert.NotNull(probe?.HttpGet));
        return probes!;
    }

    /// <summary>The routes <see cref="HealthSetup.MapRecentsHealthChecks"/> maps on an application that is built, not started.</summary>
    private static HashSet<string> HealthRoutes()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddRecentsHealthChecks();
        using var app = builder.Build();
        app.MapRecentsHealthChecks();
        return ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(endpoint => "/" + endpoint.RoutePattern.RawText?.TrimStart('/'))
            .ToHashSet(StringComparer.Ordinal);
    }
}
