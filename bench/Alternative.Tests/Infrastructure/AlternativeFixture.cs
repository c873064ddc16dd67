namespace Recents.Bench.Alternative.Tests.Infrastructure;

/// <summary>
/// The service on Kestrel against the Azurite of <see cref="TestStorage"/>, with <see cref="TestDirectory"/> loaded from
/// a seed file at start and the directory cache at its default (30 s). Tests share it and keep apart by user.
/// </summary>
public class AlternativeFixture : IAsyncLifetime
{
    private readonly string seedFile = Path.Combine(Path.GetTempPath(), $"alternative-seed-{Guid.NewGuid():N}.json");
    private readonly double? cacheSeconds;
    private AlternativeFactory? factory;

    public AlternativeFixture()
        : this(cacheSeconds: null)
    {
    }

    protected AlternativeFixture(double? cacheSeconds) => this.cacheSeconds = cacheSeconds;

    public TestTokens Tokens { get; } = new();

    public TestDirectory Directory { get; } = new();

    public AlternativeClient Client { get; private set; } = null!;

    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(seedFile, Directory.ToSeed().ToJsonString());
        var settings = new Dictionary<string, string>(Tokens.Settings)
        {
            ["Storage:ConnectionString"] = TestStorage.ConnectionString,
            ["Directory:SeedFile"] = seedFile,
        };
        if (cacheSeconds is { } seconds)
        {
            settings["Directory:CacheSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        factory = AlternativeFactory.Start(settings);
        Client = new AlternativeClient(factory.CreateClient(), Tokens);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        File.Delete(seedFile);
    }
}

/// <summary>The same with the directory cache off (<c>Directory:CacheSeconds=0</c>): every request reads the directory rows.</summary>
public sealed class UncachedAlternativeFixture() : AlternativeFixture(cacheSeconds: 0);

[CollectionDefinition(Name)]
public sealed class AlternativeCollection : ICollectionFixture<AlternativeFixture>
{
    public const string Name = "Alternative";
}
