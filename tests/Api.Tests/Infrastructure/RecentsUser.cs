using System.Net;
using System.Text.Json;

namespace Recents.Api.Tests.Infrastructure;

/// <summary>A caller of <c>/imodels/recents</c> with a fresh user id (so tests stay apart on the shared fixture) and a valid token.</summary>
public sealed class RecentsUser(ApiClient api, string id, string token)
{
    public string Id => id;

    public string Token => token;

    public Task<HttpResponseMessage> AddAsync(Guid iModelId, Action<HttpRequestMessage>? configure = null) =>
        AddAsync(iModelId.ToString(), configure);

    public Task<HttpResponseMessage> AddAsync(string iModelId, Action<HttpRequestMessage>? configure = null) =>
        api.SendAsync(HttpMethod.Post, $"/imodels/recents/{iModelId}", token, configure);

    public Task<HttpResponseMessage> RemoveAsync(Guid iModelId) => RemoveAsync(iModelId.ToString());

    public Task<HttpResponseMessage> RemoveAsync(string iModelId) =>
        api.SendAsync(HttpMethod.Delete, $"/imodels/recents/{iModelId}", token);

    /// <summary><c>GET /imodels/recents?{query}</c>, the query given verbatim (without <c>?</c>).</summary>
    public Task<HttpResponseMessage> ListAsync(string query, Action<HttpRequestMessage>? configure = null) =>
        api.SendAsync(HttpMethod.Get, query.Length == 0 ? "/imodels/recents" : $"/imodels/recents?{query}", token, configure);

    public Task<HttpResponseMessage> ListAsync(Guid iTwinId, string extraQuery = "", Action<HttpRequestMessage>? configure = null) =>
        ListAsync(extraQuery.Length == 0 ? $"iTwinId={iTwinId}" : $"iTwinId={iTwinId}&{extraQuery}", configure);

    /// <summary>Adds each iModel in turn, asserting 204 for each.</summary>
    public async Task AddAllAsync(params IEnumerable<Guid> iModelIds)
    {
        foreach (var iModelId in iModelIds)
        {
            using var response = await AddAsync(iModelId);
            await ApiAssert.NoContentAsync(response);
        }
    }

    /// <summary>The body of a successful GET.</summary>
    public async Task<JsonElement> ListBodyAsync(Guid iTwinId, string extraQuery = "", Action<HttpRequestMessage>? configure = null)
    {
        using var response = await ListAsync(iTwinId, extraQuery, configure);
        return await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>The ids a successful GET lists, in order.</summary>
    public async Task<IReadOnlyList<Guid>> ListIdsAsync(Guid iTwinId, string extraQuery = "") =>
        IdsOf(await ListBodyAsync(iTwinId, extraQuery));

    public static IReadOnlyList<Guid> IdsOf(JsonElement page) =>
        page.GetProperty("iModels").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();
}
