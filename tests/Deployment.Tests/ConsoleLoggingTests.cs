using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Recents.Api.Logging;
using Recents.Deployment.Tests.Infrastructure;
using Recents.Hosting.Logging;

namespace Recents.Deployment.Tests;

/// <summary>
/// In their pods both processes write one JSON object per console line, with the scopes (trace and span ids, the
/// correlation id); outside Kubernetes they keep the simple one-line format. Checked through each host's own setup.
/// </summary>
public sealed class ConsoleLoggingTests
{
    [Theory]
    [InlineData(ServiceProcess.Silo)]
    [InlineData(ServiceProcess.Api)]
    public void ConsoleFormatter_InThePod_IsJsonWithScopesInUtc(ServiceProcess process)
    {
        using var host = Build(process, process.Configuration());

        var json = Options<JsonConsoleFormatterOptions>(host);
        Assert.Equal(ConsoleFormatterNames.Json, Options<ConsoleLoggerOptions>(host).FormatterName);
        Assert.True(json.IncludeScopes);
        Assert.True(json.UseUtcTimestamp);
        Assert.False(string.IsNullOrEmpty(json.TimestampFormat));
    }

    [Theory]
    [InlineData(ServiceProcess.Silo)]
    [InlineData(ServiceProcess.Api)]
    public void ConsoleFormatter_AsTheImageAloneSetsIt_IsSimpleOnOneLineWithScopes(ServiceProcess process)
    {
        using var host = Build(process, process.ImageConfiguration());

        var simple = Options<SimpleConsoleFormatterOptions>(host);
        Assert.Contains(Options<ConsoleLoggerOptions>(host).FormatterName, new[] { null, ConsoleFormatterNames.Simple });
        Assert.True(simple.SingleLine);
        Assert.True(simple.IncludeScopes);
    }

    private static IHost Build(ServiceProcess process, IConfiguration configuration)
    {
        if (process == ServiceProcess.Api)
        {
            // Not CreateSlimBuilder: it fixes the console formatter itself, as AddSimpleConsole does.
            var api = WebApplication.CreateBuilder();
            api.Configuration.Sources.Clear();
            api.Configuration.AddConfiguration(configuration);
            api.AddRecentsLogging();
            return api.Build();
        }

        var silo = Host.CreateApplicationBuilder();
        silo.Configuration.Sources.Clear();
        silo.Configuration.AddConfiguration(configuration);
        silo.Logging.AddRecentsConsole();
        return silo.Build();
    }

    private static T Options<T>(IHost host) => host.Services.GetRequiredService<IOptionsMonitor<T>>().CurrentValue;
}
