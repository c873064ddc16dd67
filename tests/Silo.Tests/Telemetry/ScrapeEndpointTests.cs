using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using Recents.Hosting.Telemetry;
using Recents.Silo.Telemetry;

namespace Recents.Silo.Tests.Telemetry;

/// <summary>The silo's own /metrics listener starts and answers, on its advertised address or, in a container, on any.</summary>
public sealed class ScrapeEndpointTests
{
    [Fact]
    public async Task Scrape_ListeningOnAnyAddress_AnswersWhateverHostTheScraperNames()
    {
        var port = FreePorts.Next();
        using var silo = StartListener(port, listenOnAnyHostAddress: true);

        // Prometheus scrapes a pod by its IP, which the silo never sees as a name of its own.
        using var response = await Scrape(port, hostHeader: $"192.0.2.10:{port}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"service_name=\"{RecentsTelemetry.SiloServiceName}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_ListeningOnTheAdvertisedAddress_Answers()
    {
        var port = FreePorts.Next();
        using var silo = StartListener(port, listenOnAnyHostAddress: false);

        using var response = await Scrape(port, hostHeader: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The silo's telemetry alone; building its meter provider starts the listener, as the host's start does.</summary>
    private static IHost StartListener(int port, bool listenOnAnyHostAddress)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Silo:AdvertisedIPAddress"] = "127.0.0.1",
            ["Silo:ListenOnAnyHostAddress"] = listenOnAnyHostAddress ? "true" : "false",
            ["Silo:MetricsPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.AddSiloTelemetry();
        var host = builder.Build();
        host.Services.GetRequiredService<MeterProvider>();
        return host;
    }

    private static async Task<HttpResponseMessage> Scrape(int port, string? hostHeader)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}{SiloTelemetrySetup.ScrapePath}");
        request.Headers.Host = hostHeader;
        return await client.SendAsync(request);
    }
}
