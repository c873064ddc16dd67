using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests.Hostile;

/// <summary>After a corpus: every list and every directory entry of the world compared with what it must be.</summary>
public static class WorldAudit
{
    /// <summary>Each user's list in each iTwin (GET with <c>$top=1000</c>) against the model; a 404 where they may not list the iTwin.</summary>
    public static async Task<List<string>> CompareListsAsync(HttpClient http, TestTokens tokens, HostileWorld world, ListModel model, IEnumerable<string> userIds)
    {
        var differences = new List<string>();
        foreach (var userId in userIds)
        {
            foreach (var iTwinId in world.ITwins)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/imodels/recents?iTwinId={iTwinId}&$top=1000");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(userId));
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var iTwin = iTwinId == world.ITwinA ? "A" : "B";
                if (!world.CanSeeITwin(userId, iTwinId))
                {
                    if (response.StatusCode != HttpStatusCode.NotFound)
                    {
                        differences.Add($"'{userId}' may not list iTwin {iTwin} but got {(int)response.StatusCode}: {HostileRequest.Shorten(body, 300)}");
                    }

                    continue;
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    differences.Add($"'{userId}' listing iTwin {iTwin}: {(int)response.StatusCode} {HostileRequest.Shorten(body, 300)}");
                    continue;
                }

                using var document = JsonDocument.Parse(body);
                var actual = document.RootElement.GetProperty("iModels").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();
                var expected = model.Visible(userId, iTwinId, world);
                if (!actual.SequenceEqual(expected))
                {
                    differences.Add($"'{userId}' in iTwin {iTwin}: listed [{Names(actual, world)}], model says [{Names(expected, world)}]");
                }
            }
        }

        return differences;
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
