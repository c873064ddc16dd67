using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Recents.Integration.Tests.Drills;

/// <summary>
/// The directory a drill runs against: one organization, one iTwin whose members may all view its iModels,
/// <see cref="UserCount"/> users with a token each, and a pool of iModels small enough that users re-add
/// iModels (moving them to the front) and large enough that the 25 cap evicts.
/// </summary>
internal sealed class DrillWorld
{
    public const int UserCount = 1_000;
    public const int IModelCount = 40;

    public DrillWorld()
    {
        Users = Enumerable.Range(0, UserCount).Select(index => $"drill-user-{index:D4}").ToArray();
        IModels = Enumerable.Range(1, IModelCount).Select(index => Guid.Parse($"1e0de100-0000-4000-8000-d{index:D11}")).ToArray();
        UserTokens = Users.Select(user => Tokens.For(user)).ToArray();
        ProbeUserToken = Tokens.For(ProbeUser);
    }

    public Guid OrganizationId { get; } = Guid.Parse("0e6a0000-0000-4000-8000-00000000d111");

    public Guid ITwinId { get; } = Guid.Parse("5a1ce3f0-0000-4000-8000-00000000d111");

    private Guid ViewerRoleId { get; } = Guid.Parse("a01e0000-0000-4000-8000-00000000d111");

    public DrillTokens Tokens { get; } = new();

    public IReadOnlyList<string> Users { get; }

    public IReadOnlyList<string> UserTokens { get; }

    public IReadOnlyList<Guid> IModels { get; }

    /// <summary>A member of the iTwin besides <see cref="Users"/>: a drill may send it requests of its own without touching the load's users.</summary>
    public string ProbeUser => "drill-probe-user";

    public string ProbeUserToken { get; }

    /// <summary>Writes the seed file the API loads at start-up (<c>Directory:SeedFile</c>).</summary>
    public string WriteSeedFile(string directory)
    {
        var seed = new
        {
            organizations = new[] { new { id = OrganizationId, administrators = Array.Empty<string>() } },
            iTwins = new[] { new { id = ITwinId, organizationId = OrganizationId, roles = ITwinRoles, members = ITwinMembers } },
            iModels = IModels.Select(IModelEntry).ToArray(),
        };
        var path = Path.Combine(directory, "drill-seed.json");
        File.WriteAllText(path, JsonSerializer.Serialize(seed));
        return path;
    }

    /// <summary>Stores the same directory through a running API's admin endpoints, with a <c>recents-admin</c> token.</summary>
    public async Task StoreThroughAdminApiAsync(Uri api, string adminToken)
    {
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        await PutAsync(http, $"/admin/organizations/{OrganizationId}", new { administrators = Array.Empty<string>() });
        await PutAsync(http, $"/admin/itwins/{ITwinId}", new { organizationId = OrganizationId, roles = ITwinRoles, members = ITwinMembers });
        foreach (var (iModel, index) in IModels.Select((id, index) => (id, index)))
        {
            await PutAsync(http, $"/admin/imodels/{iModel}", IModelEntry(iModel, index));
        }
    }

    private object[] ITwinRoles => [new { id = ViewerRoleId, permissions = new[] { "imodels_webview" } }];

    private object[] ITwinMembers => Users.Append(ProbeUser).Select(user => (object)new { userId = user, roleIds = new[] { ViewerRoleId } }).ToArray();

    private object IModelEntry(Guid id, int index) => new
    {
        id,
        iTwinId = ITwinId,
        name = $"Drill iModel {index + 1}",
        description = (string?)null,
        state = "initialized",
        createdDateTime = "2026-11-01T00:00:00Z",
        extent = (object?)null,
        dataCenterLocation = "East US",
        rolePermissions = (object?)null,
        userPermissions = (object?)null,
    };

    private static async Task PutAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PutAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
