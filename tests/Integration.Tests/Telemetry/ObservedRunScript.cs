using System.Text.RegularExpressions;

namespace Recents.Integration.Tests.Telemetry;

/// <summary>
/// One <c>./run.sh</c> with two silos shared by the telemetry tests (each start costs about 40 s), started by the first
/// test that asks for it, with the management and scrape addresses it prints.
/// </summary>
public sealed partial class ObservedRunScript : IAsyncLifetime
{
    public const string Collection = "Observed run.sh";
    public const int Silos = 2;

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("recents-observed-").FullName;
    private readonly Lazy<Task<RunScript>> script;

    public ObservedRunScript() => script = new(() => RunScript.StartAsync(dataDirectory, Silos));

    /// <summary>run.sh, started and ready; then the addresses below are known.</summary>
    public async Task<RunScript> StartedAsync()
    {
        var started = await script.Value;
        var metrics = MetricsLine().Match(started.Output);
        var dashboard = DashboardLine().Match(started.Output);
        Assert.True(metrics.Success && dashboard.Success, $"run.sh printed no Metrics or Dashboard line:\n{started.Output}");
        ApiMetrics = new Uri(metrics.Groups["api"].Value);
        SiloMetrics = [.. metrics.Groups["silos"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(url => new Uri(url))];
        Dashboard = new Uri(dashboard.Groups["url"].Value);
        Assert.Equal(Silos, SiloMetrics.Count);
        Assert.Equal(ApiMetrics.Port, Dashboard.Port);
        return started;
    }

    /// <summary>The API's scrape URL, on its management port.</summary>
    public Uri ApiMetrics { get; private set; } = null!;

    public IReadOnlyList<Uri> SiloMetrics { get; private set; } = [];

    public Uri Dashboard { get; private set; } = null!;

    public Uri ManagementBaseAddress => new(ApiMetrics.GetLeftPart(UriPartial.Authority));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        try
        {
            // A start that failed has stopped what it started, and the tests have reported its failure.
            if (script.IsValueCreated && script.Value.IsCompletedSuccessfully)
            {
                await script.Value.Result.DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [GeneratedRegex(@"^\s*Metrics\s+(?<api>\S+)\s+\(API\)\s+(?<silos>.+?)\s+\(silos\)\s*$", RegexOptions.Multiline)]
    private static partial Regex MetricsLine();

    [GeneratedRegex(@"^\s*Dashboard\s+(?<url>\S+)", RegexOptions.Multiline)]
    private static partial Regex DashboardLine();
}
