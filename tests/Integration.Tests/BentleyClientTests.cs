using System.Diagnostics;
using System.Text.Json;
using Recents.Integration.Tests.Processes;

namespace Recents.Integration.Tests;

/// <summary>
/// Bentley's published TypeScript client (<c>@itwin/imodels-client-management</c>, pinned in <c>BentleyClient/</c>),
/// unchanged, against the service as <c>./run.sh</c> runs it: recents and favorites, added, listed page by page
/// through the <c>next</c> links in both representations, and removed (docs/api.md#operations).
/// </summary>
public sealed class BentleyClientTests : IDisposable
{
    private const string DemoITwin = "5a1ce3f0-0000-4000-8000-000000000001";
    private static readonly string[] DemoIModels =
        ["1e0de100-0000-4000-8000-000000000001", "1e0de100-0000-4000-8000-000000000002", "1e0de100-0000-4000-8000-000000000003"];

    private static readonly string[] DemoNamesNewestFirst =
        ["1e0de100-0000-4000-8000-000000000003 Utilities", "1e0de100-0000-4000-8000-000000000002 Approach Ramps",
         "1e0de100-0000-4000-8000-000000000001 Bridge Deck"];

    private static readonly string ClientDirectory = Path.Combine(Repository.Root, "tests", "Integration.Tests", "BentleyClient");

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("recents-client-").FullName;

    [Fact]
    public async Task BentleyClient_RecentsAndFavorites_AddPageThroughAndRemove()
    {
        Assert.True(
            Directory.Exists(Path.Combine(ClientDirectory, "node_modules", "@itwin", "imodels-client-management")),
            "Bentley's client is not installed: ./test.sh installs it (npm ci in tests/Integration.Tests/BentleyClient).");
        await using var service = await RunScript.StartAsync(dataDirectory);

        using var result = JsonDocument.Parse(await RunClientAsync(new Uri(service.ApiBaseAddress, "imodels").ToString(), service.UserToken));
        var root = result.RootElement;

        // Pages of 2 and of 1: all three only if the client followed the next links.
        string[] newestFirst = [.. DemoIModels.Reverse()];
        Assert.Equal(newestFirst, Strings(root, "recentsMinimal"));
        Assert.Equal(DemoNamesNewestFirst, Strings(root, "recentsRepresentation"));
        Assert.Equal(newestFirst, Strings(root, "favoritesMinimal"));
        Assert.Equal(DemoNamesNewestFirst, Strings(root, "favoritesRepresentation"));
        Assert.Equal(newestFirst[..2], Strings(root, "recentsAfterRemove"));
        Assert.Equal(newestFirst[..2], Strings(root, "favoritesAfterRemove"));
    }

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    private static string[] Strings(JsonElement root, string property) =>
        [.. root.GetProperty(property).EnumerateArray().Select(item => item.GetString()!)];

    private static async Task<string> RunClientAsync(string baseUrl, string token)
    {
        var startInfo = new ProcessStartInfo("node", ["check.js", baseUrl, token, DemoITwin, .. DemoIModels])
        {
            WorkingDirectory = ClientDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var client = Process.Start(startInfo)!;
        var output = client.StandardOutput.ReadToEndAsync();
        var errors = client.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await client.WaitForExitAsync(timeout.Token);
        Assert.True(client.ExitCode == 0, $"the client failed:\n{await errors}");
        return await output;
    }
}
