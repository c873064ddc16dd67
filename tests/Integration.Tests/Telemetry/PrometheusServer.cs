using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Recents.Integration.Tests.Processes;

namespace Recents.Integration.Tests.Telemetry;

/// <summary>
/// A real Prometheus server on a free port that scrapes the given targets every second, with its own configuration
/// and data in a work folder, and its HTTP query API.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly ChildProcess process;
    private readonly HttpClient http;

    private PrometheusServer(ChildProcess process, int port)
    {
        this.process = process;
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The full path of <c>prometheus</c> on PATH, or null.</summary>
    public static string? Executable { get; } = FindOnPath("prometheus");

    /// <param name="jobs">Each job's name and its targets as <c>host:port</c>; all are scraped at <c>/metrics</c>.</param>
    public static async Task<PrometheusServer> StartAsync(string workDirectory, IReadOnlyDictionary<string, IReadOnlyList<string>> jobs)
    {
        var executable = Executable ?? throw new InvalidOperationException("prometheus is not on PATH.");
        Directory.CreateDirectory(workDirectory);
        var configFile = Path.Combine(workDirectory, "prometheus.yml");
        await File.WriteAllTextAsync(configFile, Configuration(jobs));

        var port = LocalPorts.Free(1)[0];
        var process = ChildProcess.Start("Prometheus", workDirectory, Path.Combine(workDirectory, "prometheus.log"), new Dictionary<string, string>(),
            executable, $"--config.file={configFile}", $"--storage.tsdb.path={Path.Combine(workDirectory, "data")}",
            $"--web.listen-address=127.0.0.1:{port}");
        var server = new PrometheusServer(process, port);
        try
        {
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The samples of an instant query: each series' labels and value (a scalar result has no labels).</summary>
    public async Task<IReadOnlyList<Sample>> QueryAsync(string query)
    {
        using var response = await http.GetAsync($"/api/v1/query?query={Uri.EscapeDataString(query)}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Prometheus refused {query}: {body}");
        using var document = JsonDocument.Parse(body);
        var data = document.RootElement.GetProperty("data");
        var result = data.GetProperty("result");
        return data.GetProperty("resultType").GetString() switch
        {
            "vector" => [.. result.EnumerateArray().Select(series => new Sample(Labels(series), ValueOf(series.GetProperty("value"))))],
            "scalar" => [new Sample(new Dictionary<string, string>(), ValueOf(result))],
            var type => throw new InvalidOperationException($"Unexpected result type {type} for {query}."),
        };
    }

    /// <summary>
    /// Queries until <paramref name="done"/> holds for the samples or <paramref name="timeout"/> passes, and returns the
    /// last samples either way, for the caller to assert on.
    /// </summary>
    public async Task<IReadOnlyList<Sample>> QueryUntilAsync(string query, Func<IReadOnlyList<Sample>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var samples = await QueryAsync(query);
            if (done(samples) || DateTime.UtcNow > deadline)
            {
                return samples;
            }

            await Task.Delay(500);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await process.StopAsync();
        }
        finally
        {
            await process.DisposeAsync();
            http.Dispose();
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"Prometheus did not become ready ({(process.HasExited ? "it exited" : "timed out")}):\n{process.LogTail()}");
            }

            try
            {
                using var ready = await http.GetAsync("/-/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }
    }

    private static string Configuration(IReadOnlyDictionary<string, IReadOnlyList<string>> jobs)
    {
        var yaml = new StringBuilder("""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
              evaluation_interval: 1s
            scrape_configs:

            """);
        foreach (var (job, targets) in jobs)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""
                  - job_name: {job}
                    static_configs:
                      - targets: [{string.Join(", ", targets.Select(target => $"'{target}'"))}]

                """);
        }

        return yaml.ToString();
    }

    private static Dictionary<string, string> Labels(JsonElement series) =>
        series.GetProperty("metric").EnumerateObject().ToDictionary(label => label.Name, label => label.Value.GetString()!);

    /// <summary>A value is <c>[time, "number"]</c>; the number may also be <c>NaN</c> or <c>±Inf</c>.</summary>
    private static double ValueOf(JsonElement value) =>
        double.Parse(value[1].GetString()!.Replace("Inf", "Infinity", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    public sealed record Sample(IReadOnlyDictionary<string, string> Labels, double Value);
}
