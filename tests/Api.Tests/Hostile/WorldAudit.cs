using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests.Hostile;

/// <summary>After a corpus: every list and every directory entry of the world compared with what it must be.</summary>
public static class WorldAudit
{
    /// <summary>
    /// Each user's recents and favorites in each iTwin (GET with <c>$top=1000</c>) against the model, a 404 where they may
    /// not list the iTwin; then each user's stored lists (docs/api.md#user-data), favorites no longer viewable included.
    /// </summary>
    public static async Task<List<string>> CompareListsAsync(HttpClient http, TestTokens tokens, HostileWorld world, ListModel model, IEnumerable<string> userIds)
    {
        var differences = new List<string>();
        foreach (var userId in userIds)
        {
            await CompareListedAsync(http, tokens, world, model, userId, favorites: false, differences);
            await CompareListedAsync(http, tokens, world, model, userId, favorites: true, differences);
            await CompareStoredAsync(http, tokens, world, model, userId, differences);
        }

        return differences;
    }

    private static async Task CompareListedAsync(
        HttpClient http, TestTokens tokens, HostileWorld world, ListModel model, string userId, bool favorites, List<string> differences)
    {
        var what = favorites ? "favorites" : "recents";
        foreach (var iTwinId in world.ITwins)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/imodels/{what}?iTwinId={iTwinId}&$top=1000");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(userId));
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var iTwin = iTwinId == world.ITwinA ? "A" : "B";
            if (!world.CanSeeITwin(userId, iTwinId))
            {
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    differences.Add($"'{userId}' may not list the {what} of iTwin {iTwin} but got {(int)response.StatusCode}: {HostileRequest.Shorten(body, 300)}");
                }

                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                differences.Add($"'{userId}' listing the {what} of iTwin {iTwin}: {(int)response.StatusCode} {HostileRequest.Shorten(body, 300)}");
                continue;
            }

            using var document = JsonDocument.Parse(body);
            var actual = document.RootElement.GetProperty("iModels").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();
            var expected = favorites ? model.VisibleFavorites(userId, iTwinId, world) : model.Visible(userId, iTwinId, world);
            if (!actual.SequenceEqual(expected))
            {
                differences.Add($"'{userId}' {what} in iTwin {iTwin}: listed [{Names(actual, world)}], model says [{Names(expected, world)}]");
            }
        }
    }

    /// <summary>
    /// <c>GET /admin/users/{userId}/data</c> (docs/api.md#user-data): the stored recents and favorites, in order, favorites
    /// with positions greater for more recently added ones. The deleted iModel is left out on both sides: docs/api.md#favorites
    /// keeps it stored, docs/api.md#directory-administration lets it leave the lists.
    /// </summary>
    private static async Task CompareStoredAsync(HttpClient http, TestTokens tokens, HostileWorld world, ListModel model, string userId, List<string> differences)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/admin/users/{Uri.EscapeDataString(userId)}/data");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.ForAdmin());
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            differences.Add($"the stored data of '{userId}': {(int)response.StatusCode} {HostileRequest.Shorten(body, 300)}");
            return;
        }

        using var document = JsonDocument.Parse(body);
        var deleted = world.DeletedIModel.Id;
        var recents = document.RootElement.GetProperty("recents").EnumerateArray().Select(item => item.GetProperty("iModelId").GetGuid()).Where(id => id != deleted).ToList();
        var expectedRecents = model.Raw(userId).Where(id => id != deleted).ToList();
        if (!recents.SequenceEqual(expectedRecents))
        {
            differences.Add($"'{userId}' stored recents [{Names(recents, world)}], model says [{Names(expectedRecents, world)}]");
        }

        var items = document.RootElement.GetProperty("favorites").EnumerateArray().ToList();
        var favorites = items.Select(item => item.GetProperty("iModelId").GetGuid()).Where(id => id != deleted).ToList();
        var expectedFavorites = model.RawFavorites(userId).Where(id => id != deleted).ToList();
        if (!favorites.SequenceEqual(expectedFavorites))
        {
            differences.Add($"'{userId}' stored favorites [{Names(favorites, world)}], model says [{Names(expectedFavorites, world)}]");
        }

        var positions = items.Select(item => item.GetProperty("position").GetInt64()).ToList();
        if (!positions.Zip(positions.Skip(1)).All(pair => pair.First > pair.Second))
        {
            differences.Add($"'{userId}' stored favorites' positions [{string.Join(", ", positions)}] do not fall from the most recently added");
        }
    }

    /// <summary>Every organization, iTwin and iModel of the world reads back exactly as stored (the deleted iModel stays deleted).</summary>
    public static async Task<List<string>> CompareDirectoryAsync(AdminApi admin, HostileWorld world)
    {
        var differences = new List<string>();
        foreach (var ((resource, id), stored) in world.StoredBodies)
        {
            using var response = await admin.GetAsync(resource, id);
            var body = await response.Content.ReadAsStringAsync();
            if (resource == AdminApi.IModels && id == world.DeletedIModel.Id)
            {
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    differences.Add($"the deleted iModel {id} came back: {(int)response.StatusCode} {HostileRequest.Shorten(body, 300)}");
                }

                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK || !JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse(stored)))
            {
                differences.Add($"{resource}/{id} is now {(int)response.StatusCode} {HostileRequest.Shorten(body, 500)}; it was stored as {HostileRequest.Shorten(stored, 500)}");
            }
        }

        return differences;
    }

    private static string Names(IEnumerable<Guid> ids, HostileWorld world) =>
        string.Join(", ", ids.Select(id => world.IModel(id)?.Name ?? id.ToString()));
}
