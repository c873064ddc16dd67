using System.Net;
using System.Net.Http.Headers;

namespace Recents.Integration.Tests.Telemetry;

/// <summary>
/// The operators' endpoints of <c>./run.sh</c>'s deployment: the API's dashboard and scrape endpoint only on its
/// management port, the API routes only on its public port, and each silo's own scrape endpoint.
/// </summary>
[Collection(ObservedRunScript.Collection)]
public sealed class ManagementPortTests(ObservedRunScript deployment)
{
    [Fact]
    public async Task Dashboard_OnTheManagementPort_RedirectsToItsHtmlPage()
    {
        await deployment.StartedAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(deployment.Dashboard);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/dashboard/", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Metrics_OnTheManagementPort_AnswersPrometheusText()
    {
        await deployment.StartedAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(deployment.ApiMetrics);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertScrapeFormat(response.Content.Headers.ContentType);
        Assert.Contains("# TYPE ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard", false)]
    [InlineData("/dashboard/", false)]
    [InlineData("/metrics", false)]
    [InlineData("/dashboard", true)]
    [InlineData("/metrics", true)]
    public async Task ManagementPath_OnThePublicPort_AnswersNotFoundWhateverTheHostHeader(string path, bool managementHost)
    {
        var service = await deployment.StartedAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = service.ApiBaseAddress };

        using var response = await DemoUser.SendAsync(
            http, HttpMethod.Get, new Uri(path, UriKind.Relative), token: null, managementHost ? deployment.ManagementBaseAddress.Authority : null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", await DemoUser.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task ApiRoute_OnTheManagementPort_AnswersNotFound()
    {
        var service = await deployment.StartedAsync();
        using var http = new HttpClient { BaseAddress = deployment.ManagementBaseAddress };
        using var publicHttp = new HttpClient { BaseAddress = service.ApiBaseAddress };
        var list = new Uri($"/imodels/recents?iTwinId={DemoUser.ITwin}", UriKind.Relative);

        using var onManagementPort = await DemoUser.SendAsync(http, HttpMethod.Get, list, service.UserToken);
        using var onPublicPort = await DemoUser.SendAsync(publicHttp, HttpMethod.Get, list, service.UserToken);

        Assert.Equal(HttpStatusCode.NotFound, onManagementPort.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onPublicPort.StatusCode);
    }

    [Fact]
    public async Task SiloMetrics_OfEachSilo_AnswerPrometheusText()
    {
        await deployment.StartedAsync();
        using var http = new HttpClient();

        foreach (var silo in deployment.SiloMetrics)
        {
            using var response = await http.GetAsync(silo);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertScrapeFormat(response.Content.Headers.ContentType);
        }
    }

    private static void AssertScrapeFormat(MediaTypeHeaderValue? contentType) =>
        Assert.True(
            contentType?.MediaType is "text/plain" or "application/openmetrics-text",
            $"expected text/plain or application/openmetrics-text, got {contentType}");
}
