using System.Net;
using System.Text.Json;

namespace Recents.Api.Tests.Infrastructure;

/// <summary>A user's calls to <c>/imodels/favorites</c> (docs/api.md#favorites), with the user's token.</summary>
public sealed class FavoritesCaller(ApiClient api, RecentsUser user)
{
    public const string Path = "/imodels/favorites";

    public RecentsUser User => user;

    public Task<HttpResponseMessage> AddAsync(Guid iModelId, Action<HttpRequestMessage>? configure = null) =>
        AddAsync(iModelId.ToString(), configure);

    public Task<HttpResponseMessage> AddAsync(string iModelId, Action<HttpRequestMessage>? configure = null) =>
        api.SendAsync(HttpMethod.Put, $"{Path}/{iModelId}", user.Token, configure);

    public Task<HttpResponseMessage> RemoveAsync(Guid iModelId, Action<HttpRequestMessage>? configure = null) =>
        RemoveAsync(iModelId.ToString(), configure);

    public Task<HttpResponseMessage> RemoveAsync(string iModelId, Action<HttpRequestMessage>? configure = null) =>
        api.SendAsync(HttpMethod.Delete, $"{Path}/{iModelId}", user.Token, configure);

    /// <summary><c>GET /imodels/favorites?{query}</c>, the query given verbatim (without <c>?</c>).</summary>
    public Task<HttpResponseMessage> ListAsync(string query, Action<HttpRequestMessage>? configure = null) =>
        api.SendAsync(HttpMethod.Get, query.Length == 0 ? Path : $"{Path}?{query}", user.Token, configure);

    public Task<HttpResponseMessage> ListAsync(Guid iTwinId, string extraQuery = "", Action<HttpRequestMessage>? configure = null) =>
        ListAsync(extraQuery.Length == 0 ? $"iTwinId={iTwinId}" : $"iTwinId={iTwinId}&{extraQuery}", configure);

    /// <summary>A GET of an href as a <c>_links</c> entry gives it (absolute) or a path and query.</summary>
    public Task<HttpResponseMessage> GetAsync(string href) => api.SendAsync(HttpMethod.Get, href, user.Token);

    /// <summary>Adds each iModel in turn, asserting 204 for each.</summary>
    public async Task AddAllAsync(params IEnumerable<Guid> iModelIds)
    {
        foreach (var iModelId in iModelIds)
        {
            using var response = await AddAsync(iModelId);
            await ApiAssert.NoContentAsync(response);
        }
    }

    /// <summary>Removes each iModel in turn, asserting 204 for each.</summary>
    public async Task RemoveAllAsync(params IEnumerable<Guid> iModelIds)
    {
        foreach (var iModelId in iModelIds)
        {
            using var response = await RemoveAsync(iModelId);
            await ApiAssert.NoContentAsync(response);
        }
    }

    /// <summary>Adds the iModels <paramref name="parallelism"/> at a time, asserting 204 for each.</summary>
    public async Task AddConcurrentlyAsync(IEnumerable<Guid> iModelIds, int parallelism = 50)
    {
        foreach (var batch in iModelIds.Chunk(parallelism))
        {
            await Task.WhenAll(batch.Select(async iModelId =>
            {
                using var response = await AddAsync(iModelId);
                await ApiAssert.NoContentAsync(response);
            }));
        }
    }

    public async Task<JsonElement> ListBodyAsync(Guid iTwinId, string extraQuery = "", Action<HttpRequestMessage>? configure = null)
    {
        using var response = await ListAsync(iTwinId, extraQuery, configure);
        return await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>The ids of one GET of up to 1000 favorites, in order.</summary>
    public async Task<IReadOnlyList<Guid>> ListIdsAsync(Guid iTwinId, string extraQuery = "$top=1000") =>
        RecentsUser.IdsOf(await ListBodyAsync(iTwinId, extraQuery));
}
