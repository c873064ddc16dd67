using Recents.Deployment.Tests.Infrastructure;

namespace Recents.Deployment.Tests;

/// <summary>
/// Every variable the image or the Deployment sets is one the process reads (Section__Key is the key
/// Section:Key), with a value it accepts: a misspelt or misplaced setting would be silently ignored.
/// </summary>
public sealed class ConfigurationKeyTests
{
    [Theory]
    [InlineData(ServiceProcess.Silo)]
    [InlineData(ServiceProcess.Api)]
    public void EnvironmentVariables_OfEveryContainer_AreKeysTheProcessReads(ServiceProcess process)
    {
        var variables = process.ImageVariables().Concat(process.ContainerVariables()).ToList();

        var problems = variables.Select(variable => ConfigurationKeys.Problem(process, variable)).OfType<string>().ToList();

        Assert.NotEmpty(variables);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData(ServiceProcess.Silo, "Silo__GatwayPort", "30000")]
    [InlineData(ServiceProcess.Silo, "Silo__GatewayPort", "gateway")]
    [InlineData(ServiceProcess.Silo, "Cluster__ServiceID_", "recents")]
    [InlineData(ServiceProcess.Silo, "Membership__ProbeTimeouts", "00:00:05")]
    [InlineData(ServiceProcess.Silo, "Membership__ProbeTimeout", "5 seconds")]
    [InlineData(ServiceProcess.Silo, "ASPNETCORE_ENVIRONMENT", "Production")]
    [InlineData(ServiceProcess.Silo, "Silo__MetricPort", "9464")]
    [InlineData(ServiceProcess.Silo, "Management__Port", "8081")]
    [InlineData(ServiceProcess.Silo, "Logging__Console__FormatterOptions__IncludeScope", "true")]
    [InlineData(ServiceProcess.Silo, "Logging__Console__IncludeScopes__Enabled", "true")]
    [InlineData(ServiceProcess.Api, "Silo__GatewayPort", "30000")]
    [InlineData(ServiceProcess.Api, "Authentication__Schemes__Bearer__Audiences__0", "itwin-platform")]
    [InlineData(ServiceProcess.Api, "ForwardedHeaders__Enable", "true")]
    [InlineData(ServiceProcess.Api, "ForwardedHeaders__KnownNetwork__0", "10.244.0.0/16")]
    [InlineData(ServiceProcess.Api, "ForwardedHeaders__KnownIPNetworks__0", "10.244.0.0/16")]
    [InlineData(ServiceProcess.Api, "Links__PublicBaseUri", "https://recents.example.com")]
    [InlineData(ServiceProcess.Api, "PublicBaseUrl", "https://recents.example.com")]
    [InlineData(ServiceProcess.Api, "Management__Port", "management")]
    [InlineData(ServiceProcess.Api, "Management__MetricsPort", "8081")]
    [InlineData(ServiceProcess.Api, "Logging__Console__Formatter", "json")]
    public void KeyCheck_KeysTheProcessWouldIgnoreOrReject_AreRefused(ServiceProcess process, string name, string value) =>
        Assert.NotNull(ConfigurationKeys.Problem(process, new EnvironmentVariable(name, value, "test")));
}
