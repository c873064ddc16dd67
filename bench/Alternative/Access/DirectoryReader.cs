using Microsoft.Extensions.Caching.Memory;
using Recents.PlatformDirectory;

namespace Recents.Bench.Alternative.Access;

/// <summary>
/// The directory as requests see it: the rows of <see cref="DirectoryStore"/> behind a short-lived in-memory cache.
/// </summary>
/// <remarks>
/// Why a cache: every POST needs three directory rows (iModel, iTwin, organization) and a GET needs the iTwin, the
/// organization and every listed iModel. Reading them all from the table on every request would triple a POST's
/// storage round trips; the Orleans service does not pay that either (its directory grains answer from memory once
/// active). A competent stateless team would cache them, and so does this one, for <c>Directory:CacheSeconds</c>
/// (default 30 s; absences are cached too, so unknown ids cannot make every request read storage). The price is
/// the promise of docs/api.md#who-may-view-an-imodel: a revoked permission or a deleted iModel may still be honoured for up to that long by
/// each instance, where the Orleans service applies it to the next request. <c>Directory:CacheSeconds=0</c> reads
/// every row on every request, which keeps that promise (and is the variant to benchmark for strict equivalence).
/// At most <see cref="MaxCachedRows"/> rows are cached; past that, reads go to storage.
/// </remarks>
public sealed class DirectoryReader : IDisposable
{
    public const string CacheSecondsKey = "Directory:CacheSeconds";
    public const int MaxCachedRows = 200_000;

    private readonly DirectoryStore store;
    private readonly TimeSpan timeToLive;
    private readonly MemoryCache? cache;

    public DirectoryReader(DirectoryStore store, IConfiguration configuration)
    {
        this.store = store;
        timeToLive = TimeSpan.FromSeconds(configuration.GetValue(CacheSecondsKey, 30.0));
        cache = timeToLive > TimeSpan.Zero ? new MemoryCache(new MemoryCacheOptions { SizeLimit = MaxCachedRows }) : null;
    }

    public ValueTask<OrganizationDetails?> OrganizationAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<OrganizationDetails>(DirectoryKinds.Organization, id, cancellationToken);

    public ValueTask<ITwinDetails?> ITwinAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<ITwinDetails>(DirectoryKinds.ITwin, id, cancellationToken);

    public ValueTask<IModelDetails?> IModelAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<IModelDetails>(DirectoryKinds.IModel, id, cancellationToken);

    public void Dispose() => cache?.Dispose();

    private async ValueTask<T?> GetAsync<T>(string kind, Guid id, CancellationToken cancellationToken)
        where T : class
    {
        if (cache is null)
        {
            return await store.ReadAsync<T>(kind, id, cancellationToken);
        }

        var key = (kind, id);
        if (cache.TryGetValue(key, out T? cached))
        {
            return cached;
        }

        // Concurrent misses of one row each read it; harmless, and over within one round trip.
        var value = await store.ReadAsync<T>(kind, id, cancellationToken);
        cache.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = timeToLive, Size = 1 });
        return value;
    }
}
