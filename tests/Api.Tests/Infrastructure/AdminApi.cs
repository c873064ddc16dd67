using System.Text.Json.Nodes;

namespace Recents.Api.Tests.Infrastructure;

/// <summary>The directory administration endpoints (docs/api.md#directory-administration), called with a <c>recents-admin</c> token.</summary>
public sealed class AdminApi(ApiClient api, string adminToken)
{
    public const string Organizations = "organizations";
    public const string ITwins = "itwins";
    public const string IModels = "imodels";

    public Task<HttpResponseMessage> PutAsync(string resource, string id, string body, string mediaType = "application/json") =>
        api.SendAsync(HttpMethod.Put, $"/admin/{resource}/{id}", adminToken, ApiClient.Body(body, mediaType));

    public Task<HttpResponseMessage> PutAsync(string resource, Guid id, JsonNode body) =>
        PutAsync(resource, id.ToString(), body.ToJsonString());

    public Task<HttpResponseMessage> GetAsync(string resource, string id) =>
        api.SendAsync(HttpMethod.Get, $"/admin/{resource}/{id}", adminToken);

    public Task<HttpResponseMessage> GetAsync(string resource, Guid id) => GetAsync(resource, id.ToString());

    public Task<HttpResponseMessage> DeleteIModelAsync(Guid iModelId) =>
        api.SendAsync(HttpMethod.Delete, $"/admin/imodels/{iModelId}", adminToken);

    /// <summary><c>/admin/users/{userId}/data</c>, the user id percent-encoded as one path segment.</summary>
    public static string UserDataPath(string userId) => $"/admin/users/{Uri.EscapeDataString(userId)}/data";

    public Task<HttpResponseMessage> GetUserDataAsync(string userId) =>
        api.SendAsync(HttpMethod.Get, UserDataPath(userId), adminToken);

    public Task<HttpResponseMessage> EraseUserDataAsync(string userId) =>
        api.SendAsync(HttpMethod.Delete, UserDataPath(userId), adminToken);

    /// <summary>PUTs and asserts 204.</summary>
    public async Task StoreAsync(string resource, Guid id, JsonNode body)
    {
        using var response = await PutAsync(resource, id, body);
        await ApiAssert.NoContentAsync(response);
    }

    public Task StoreIModelAsync(Guid iModelId, Guid iTwinId, IModelSpec spec) => StoreAsync(IModels, iModelId, spec.ToJson(iTwinId));

    public async Task DeleteIModelExpectingSuccessAsync(Guid iModelId)
    {
        using var response = await DeleteIModelAsync(iModelId);
        await ApiAssert.NoContentAsync(response);
    }
}
