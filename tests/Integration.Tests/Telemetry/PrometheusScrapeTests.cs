using System.Globalization;
using System.Net;
using Recents.Integration.Tests.Drills;
using Xunit.Abstractions;
using Sample = Recents.Integration.Tests.Telemetry.PrometheusServer.Sample;

namespace Recents.Integration.Tests.Telemetry;

/// <summary>
/// A real Prometheus scraping <c>./run.sh</c>'s API (on its management port) and both silos every second, while the
/// test sends a known number of requests; then PromQL over what it scraped counts exactly those requests. The queries
/// and the values they gave go to the test output and to ./test.sh's report.
/// </summary>
[Collection(ObservedRunScript.Collection)]
public sealed class PrometheusScrapeTests(ObservedRunScript deployment, ITestOutputHelper output) : IDisposable
{
    private const int Adds = 5;
    private const int UnknownAdds = 2;
    private const string AddRoute = "http_route=\"/imodels/recents/{id}\",http_request_method=\"POST\"";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static readonly string AcceptedAdds =
        $$"""sum(http_server_request_duration_seconds_count{job="recents-api",{{AddRoute}},http_response_status_code="204"})""";

    private static readonly string UnknownIModelAdds =
        $$"""sum(http_server_request_duration_seconds_count{job="recents-api",{{AddRoute}},http_response_status_code="404",recents_error_code="iModelNotFound"})""";

    private static readonly string AddLatencyP90 =
        $$"""histogram_quantile(0.9, sum by (le) (rate(http_server_request_duration_seconds_bucket{job="recents-api",{{AddRoute}}}[2m])))""";

    private const string GrainCalls = """sum(orleans_app_requests_latency_milliseconds_count{job="recents-silo"})""";
    private const string StorageWrites =
        """sum(recents_storage_operations_total{job="recents-silo",table="RecentsGrainState",operation=~"PUT|PATCH|POST|MERGE"})""";

    private const string RecentsListAdds = """sum(recents_list_writes_total{recents_list="recents",recents_list_change="add"})""";

    private readonly string work = Directory.CreateTempSubdirectory("recents-prometheus-").FullName;
    private readonly List<string> observed = [];

    [PrometheusFact]
    public async Task Prometheus_ScrapingTheApiAndSilos_CountsEachRequestAndGrainCall()
    {
        var service = await deployment.StartedAsync();
        await using var prometheus = await PrometheusServer.StartAsync(Path.Combine(work, "prometheus"), new Dictionary<string, IReadOnlyList<string>>
        {
            ["recents-api"] = [deployment.ApiMetrics.Authority],
            ["recents-silo"] = [.. deployment.SiloMetrics.Select(url => url.Authority)],
        });
        try
        {
            var up = await ObserveAsync(prometheus, "up", samples => samples.Count == 1 + ObservedRunScript.Silos && samples.All(sample => sample.Value == 1));
            Assert.Equal([1.0], Values(up, "recents-api"));
            Assert.Equal(Enumerable.Repeat(1.0, ObservedRunScript.Silos), Values(up, "recents-silo"));

            using var http = new HttpClient { BaseAddress = service.ApiBaseAddress };
            // One add, scraped before the others, so that the latency buckets have two samples to take a rate over.
            await AddAsync(http, service.UserToken, DemoUser.IModels[0], HttpStatusCode.NoContent);
            Assert.Equal(1, Value(await prometheus.QueryUntilAsync(AcceptedAdds, samples => Value(samples) == 1, Wait)));
            foreach (var iModel in new[] { DemoUser.IModels[1], DemoUser.IModels[2], DemoUser.IModels[0], DemoUser.IModels[1] })
            {
                await AddAsync(http, service.UserToken, iModel, HttpStatusCode.NoContent);
            }

            for (var i = 0; i < UnknownAdds; i++)
            {
                using var unknown = await AddAsync(http, service.UserToken, DemoUser.UnknownIModel, HttpStatusCode.NotFound);
                Assert.Equal("iModelNotFound", await DemoUser.ErrorCodeAsync(unknown));
            }

            Assert.Equal(Adds, Value(await ObserveAsync(prometheus, AcceptedAdds, samples => Value(samples) == Adds)));
            Assert.Equal(UnknownAdds, Value(await ObserveAsync(prometheus, UnknownIModelAdds, samples => Value(samples) == UnknownAdds)));
            Assert.Equal(Adds, Value(await ObserveAsync(prometheus, RecentsListAdds, samples => Value(samples) == Adds)));
            Assert.InRange(Value(await ObserveAsync(prometheus, StorageWrites, samples => Value(samples) >= Adds)), Adds, double.MaxValue);
            Assert.InRange(Value(await ObserveAsync(prometheus, GrainCalls, samples => Value(samples) > 0)), double.Epsilon, double.MaxValue);
            Assert.InRange(Value(await ObserveAsync(prometheus, AddLatencyP90, samples => Value(samples) > 0)), double.Epsilon, double.MaxValue);
        }
        finally
        {
            DrillReport.Write(output, $"Prometheus scrape ({ObservedRunScript.Silos} silos; {Adds} adds answered 204, {UnknownAdds} of an unknown iModel 404)", observed);
        }
    }

    public void Dispose() => Directory.Delete(work, recursive: true);

    private static async Task<HttpResponseMessage> AddAsync(HttpClient http, string token, string iModel, HttpStatusCode expected)
    {
        var response = await DemoUser.SendAsync(http, HttpMethod.Post, new Uri($"/imodels/recents/{iModel}", UriKind.Relative), token);
        Assert.Equal(expected, response.StatusCode);
        return response;
    }

    /// <summary>Queries until <paramref name="done"/> holds (or the wait is over) and notes the query and its last answer.</summary>
    private async Task<IReadOnlyList<Sample>> ObserveAsync(PrometheusServer prometheus, string query, Func<IReadOnlyList<Sample>, bool> done)
    {
        var samples = await prometheus.QueryUntilAsync(query, done, Wait);
        observed.Add($"`{query}` = {Describe(samples)}");
        return samples;
    }

    /// <summary>The value of a query that gives one series; NaN for none (a counter nobody has touched yet).</summary>
    private static double Value(IReadOnlyList<Sample> samples) => samples.Count == 1 ? samples[0].Value : double.NaN;

    private static double[] Values(IReadOnlyList<Sample> samples, string job) =>
        [.. samples.Where(sample => sample.Labels.GetValueOrDefault("job") == job).Select(sample => sample.Value)];

    private static string Describe(IReadOnlyList<Sample> samples) => samples.Count switch
    {
        0 => "(no series)",
        1 when samples[0].Labels.Count == 0 => Format(samples[0].Value),
        _ => string.Join(", ", samples.Select(sample =>
            $"{string.Join(" ", sample.Labels.Where(label => label.Key is "job" or "instance").Select(label => label.Value))}: {Format(sample.Value)}")),
    };

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
