using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Recents.Bench.Alternative.Access;
using Recents.Bench.Alternative.Tests.Infrastructure;

namespace Recents.Bench.Alternative.Tests;

/// <summary>The seed file has the Orleans API's shape: the repository's demo/seed.json loads as it is.</summary>
public sealed class SeedFileTests
{
    private static readonly Guid DemoITwin = Guid.Parse("5a1ce3f0-0000-4000-8000-000000000001");
    private static readonly Guid[] DemoIModels =
    [
        Guid.Parse("1e0de100-0000-4000-8000-000000000001"),
        Guid.Parse("1e0de100-0000-4000-8000-000000000002"),
        Guid.Parse("1e0de100-0000-4000-8000-000000000003"),
    ];

    [Fact]
    public async Task TheDemoSeed_Loads_AndGrantsWhatTheOrleansServiceGrants()
    {
        var tokens = new TestTokens();
        await using var factory = AlternativeFactory.Start(new Dictionary<string, string>(tokens.Settings)
        {
            ["Storage:ConnectionString"] = TestStorage.ConnectionString,
            ["Directory:SeedFile"] = Path.Combine(RepositoryRoot(), "demo", "seed.json"),
        });
        using var client = new AlternativeClient(factory.CreateClient(), tokens);

        foreach (var iModelId in DemoIModels)
        {
            Assert.Equal(HttpStatusCode.NoContent, await client.AddAsync("demo-user", iModelId));
            Assert.Equal(HttpStatusCode.NotFound, await client.AddAsync("demo-guest", iModelId));
        }

        Assert.Equal(DemoIModels.Reverse(), (await client.ListAsync("demo-user", DemoITwin)).Ids);
    }

    /// <summary>
    /// The loader the service runs before it listens (<c>StorageInitializer</c>), called directly: through a starting
    /// host the failure sometimes surfaced as the host's ObjectDisposedException instead of the loader's message.
    /// </summary>
    [Fact]
    public async Task AnInvalidSeedFile_IsRefusedBeforeAnythingIsWritten_NamingTheItem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"alternative-bad-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, $$"""
            {"iModels": [{"id": "{{Guid.NewGuid()}}", "iTwinId": "{{Guid.NewGuid()}}", "state": "initialized",
              "createdDateTime": "2026-01-15T09:30:00Z", "dataCenterLocation": "East US"}]}
            """);
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { [SeedFileLoader.SeedFileKey] = path })
                .Build();
            // A table that does not exist: a write before the validation would fail with another message.
            var table = new TableServiceClient(TestStorage.ConnectionString).GetTableClient($"AltMissing{Guid.NewGuid():N}");
            var loader = new SeedFileLoader(configuration, new DirectoryStore(table), NullLogger<SeedFileLoader>.Instance);

            var failure = await Record.ExceptionAsync(() => loader.LoadAsync(CancellationToken.None));

            Assert.NotNull(failure);
            var messages = string.Join(" | ", Chain(failure));
            Assert.Contains("iModels[0]: 'name' is required.", messages, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<string> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception.Message;
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "demo", "seed.json")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("demo/seed.json not found above the test's directory.");
    }
}
