using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Recents.Bench.Alternative.Tests.Infrastructure;

/// <summary>The three operations over HTTP with a real token per user.</summary>
public sealed class AlternativeClient(HttpClient http, TestTokens tokens) : IDisposable
{
    public HttpClient Http => http;

    public async Task<HttpStatusCode> AddAsync(string userId, Guid iModelId)
    {
        using var response = await http.SendAsync(Request(HttpMethod.Post, $"/imodels/recents/{iModelId}", userId));
        return response.StatusCode;
    }

    public async Task<HttpStatusCode> RemoveAsync(string userId, Guid iModelId)
    {
        using var response = await http.SendAsync(Request(HttpMethod.Delete, $"/imodels/recents/{iModelId}", userId));
        return response.StatusCode;
    }

    /// <summary>GET with <paramref name="query"/> appended to the iTwin's; the ids listed, or null when not 200.</summary>
    public async Task<(HttpStatusCode Status, IReadOnlyList<Guid>? Ids)> ListAsync(string userId, Guid iTwinId, string query = "")
    {
        var (status, body) = await ListBodyAsync(userId, iTwinId, query);
        return (status, body?.RootElement.GetProperty("iModels").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList());
    }

    public async Task<(HttpStatusCode Status, JsonDocument? Body)> ListBodyAsync(
        string userId, Guid iTwinId, string query = "", string? prefer = null)
    {
        var request = Request(HttpMethod.Get, $"/imodels/recents?iTwinId={iTwinId}{query}", userId);
        if (prefer is not null)
        {
            request.Headers.Add("Prefer", prefer);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK
            ? (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
            : (response.StatusCode, null);
    }

    public void Dispose() => http.Dispose();

    private HttpRequestMessage Request(HttpMethod method, string path, string userId) => new(method, path)
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(userId)) },
    };
}
