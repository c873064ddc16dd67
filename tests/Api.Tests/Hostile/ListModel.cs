using System.Collections.Concurrent;

namespace Recents.Api.Tests.Hostile;

/// <summary>How a page is sorted: <c>$orderBy</c> (null: most recently used first).</summary>
public sealed record Ordering(bool ByName, bool Descending)
{
    public override string ToString() => $"{(ByName ? "name" : "createdDateTime")} {(Descending ? "desc" : "asc")}";
}

/// <summary>A GET that must succeed, and what it must list: evaluated when its response arrives.</summary>
public sealed record PageQuery(string UserId, Guid ITwinId, int Top, int Skip, Ordering? OrderBy, bool? Representation, string? MediaType, bool Favorites = false);

/// <summary>
/// What every user's lists must be. Recents (docs/api.md#operations): most recently used first, no duplicates, at most 25,
/// one list across iTwins; only a valid, authorized POST or DELETE changes it. Favorites (docs/api.md#favorites): most
/// recently added first, a re-add keeps the place, no eviction; only a valid, authorized PUT or DELETE changes them. Each
/// user's lists are touched by one lane of requests at a time (see <see cref="CorpusRunner"/>), so the order is exact.
/// </summary>
public sealed class ListModel
{
    public const int Capacity = 25;

    private readonly ConcurrentDictionary<string, List<Guid>> lists = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<Guid>> favorites = new(StringComparer.Ordinal);

    public void Apply(ListChange change)
    {
        if (!change.Favorites)
        {
            if (change.IsAdd)
            {
                Add(change.UserId, change.IModelId);
            }
            else
            {
                Remove(change.UserId, change.IModelId);
            }
        }
        else if (change.IsAdd)
        {
            AddFavorite(change.UserId, change.IModelId);
        }
        else
        {
            FavoritesOf(change.UserId).Remove(change.IModelId);
        }
    }

    /// <summary>In front if new; an existing favorite keeps its place (docs/api.md#add-to-favorites).</summary>
    public void AddFavorite(string userId, Guid iModelId)
    {
        var list = FavoritesOf(userId);
        if (!list.Contains(iModelId))
        {
            list.Insert(0, iModelId);
        }
    }

    public bool IsFavorite(string userId, Guid iModelId) => FavoritesOf(userId).Contains(iModelId);

    public IReadOnlyList<Guid> RawFavorites(string userId) => [.. FavoritesOf(userId)];

    /// <summary>What <c>GET /imodels/favorites?iTwinId=</c> shows (docs/api.md#list-favorites).</summary>
    public IReadOnlyList<Guid> VisibleFavorites(string userId, Guid iTwinId, HostileWorld world) => Filter(FavoritesOf(userId), userId, iTwinId, world);

    public void Add(string userId, Guid iModelId)
    {
        var list = ListOf(userId);
        list.Remove(iModelId);
        list.Insert(0, iModelId);
        if (list.Count > Capacity)
        {
            list.RemoveRange(Capacity, list.Count - Capacity);
        }
    }

    public void Remove(string userId, Guid iModelId) => ListOf(userId).Remove(iModelId);

    public IReadOnlyList<Guid> Raw(string userId) => [.. ListOf(userId)];

    /// <summary>What <c>GET ?iTwinId=</c> shows: entries of that iTwin that still exist and the user may view now.</summary>
    public IReadOnlyList<Guid> Visible(string userId, Guid iTwinId, HostileWorld world) => Filter(ListOf(userId), userId, iTwinId, world);

    public IReadOnlyList<Guid> Page(PageQuery query, HostileWorld world)
    {
        IEnumerable<Guid> visible = query.Favorites
            ? VisibleFavorites(query.UserId, query.ITwinId, world)
            : Visible(query.UserId, query.ITwinId, world);
        if (query.OrderBy is { } order)
        {
            // Names are distinct lower-case ASCII and dates distinct (see HostileWorld), so the order is total.
            visible = order.ByName
                ? (order.Descending
                    ? visible.OrderByDescending(id => world.IModel(id)!.Name, StringComparer.Ordinal)
                    : visible.OrderBy(id => world.IModel(id)!.Name, StringComparer.Ordinal))
                : (order.Descending
                    ? visible.OrderByDescending(id => world.IModel(id)!.CreatedDateTime)
                    : visible.OrderBy(id => world.IModel(id)!.CreatedDateTime));
        }

        return [.. visible.Skip(query.Skip).Take(query.Top)];
    }

    private List<Guid> ListOf(string userId) => lists.GetOrAdd(userId, _ => []);

    private List<Guid> FavoritesOf(string userId) => favorites.GetOrAdd(userId, _ => []);

    private static List<Guid> Filter(List<Guid> list, string userId, Guid iTwinId, HostileWorld world) =>
        [.. list.Where(id => world.IModel(id) is { } iModel && iModel.ITwinId == iTwinId && world.CanView(userId, id))];
}
