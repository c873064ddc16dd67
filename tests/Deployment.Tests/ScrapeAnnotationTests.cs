using System.Globalization;
using Microsoft.Extensions.Configuration;
using Recents.Api.Management;
using Recents.Deployment.Tests.Infrastructure;
using Recents.Silo;
using Recents.Silo.Telemetry;

namespace Recents.Deployment.Tests;

/// <summary>
/// Prometheus finds the scrape endpoints by the pods' <c>prometheus.io/*</c> annotations (no Prometheus Operator): each
/// names a port the container declares, on which its process serves <c>/metrics</c>.
/// </summary>
public sealed class ScrapeAnnotationTests
{
    private const string ScrapeAnnotation = "prometheus.io/scrape";
    private const string PortAnnotation = "prometheus.io/port";
    private const string PathAnnotation = "prometheus.io/path";

    [Theory]
    [InlineData(ServiceProcess.Silo)]
    [InlineData(ServiceProcess.Api)]
    public void ScrapeAnnotation_OfEachPod_IsTrue(ServiceProcess process) =>
        Assert.Equal("true", Annotation(process, ScrapeAnnotation));

    [Theory]
    [InlineData(ServiceProcess.Silo)]
    [InlineData(ServiceProcess.Api)]
    public void PathAnnotation_OfEachPod_IsThePathTheProcessServes(ServiceProcess process)
    {
        var served = process == ServiceProcess.Silo ? SiloTelemetrySetup.ScrapePath : ManagementSetup.MetricsPath;

        Assert.Equal("/metrics", Annotation(process, PathAnnotation));
        Assert.Equal(served, Annotation(process, PathAnnotation));
    }

    [Theory]
    [InlineData(ServiceProcess.Silo, "metrics")]
    [InlineData(ServiceProcess.Api, "management")]
    public void PortAnnotation_OfEachPod_IsItsNamedContainerPort(ServiceProcess process, string portName)
    {
        var declared = process.Deployment().OnlyContainer().Ports.Single(port => port.Name == portName);

        Assert.Equal(declared.ContainerPort, ScrapePort(process));
    }

    [Fact]
    public void PortAnnotation_OfTheApi_IsItsManagementPort() =>
        Assert.Equal(ApiPorts.InPod.Management, ScrapePort(ServiceProcess.Api));

    [Fact]
    public void PortAnnotation_OfTheSilo_IsItsMetricsPort()
    {
        var endpoints = ServiceProcess.Silo.Configuration().GetSection(SiloEndpointOptions.SectionName).Get<SiloEndpointOptions>() ?? new();

        Assert.Equal(endpoints.MetricsPort, ScrapePort(ServiceProcess.Silo));
    }

    private static string? Annotation(ServiceProcess process, string name) =>
        process.Deployment().Spec.Template.Metadata.Annotations?.TryGetValue(name, out var value) == true ? value : null;

    private static int ScrapePort(ServiceProcess process)
    {
        var value = Annotation(process, PortAnnotation);
        Assert.True(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port), $"{PortAnnotation} '{value}' is not a port number");
        return port;
    }
}
