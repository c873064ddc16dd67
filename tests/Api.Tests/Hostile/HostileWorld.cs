using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests.Hostile;

/// <summary>A caller of the hostile corpus: a short name for messages and the exact <c>sub</c> of their tokens.</summary>
public sealed record Persona(string Name, string UserId)
{
    public override string ToString() => $"{Name} ('{UserId}')";
}

/// <summary>An iModel of the world, with the users who may view it (docs/api.md#who-may-view-an-imodel, worked out by hand for this world).</summary>
public sealed record WorldIModel(Guid Id, Guid ITwinId, string Name, DateTimeOffset CreatedDateTime, IReadOnlySet<string> Viewers, bool Deleted = false);

/// <summary>
/// A small directory written through the admin API before a corpus runs: two organizations, two iTwins, iModels that
/// are open, secured by user or by role permissions, and one that users had in their lists before it was deleted.
/// Who may view what is written out below by hand from docs/api.md#who-may-view-an-imodel (not computed by the rules the server runs),
/// so a mistake in the server's rules shows up as a difference.
/// </summary>
public sealed class HostileWorld
{
    public const string View = DirectoryBuilder.View;
    private const string Read = "imodels_read";

    private readonly Dictionary<Guid, WorldIModel> iModels = [];
    private readonly Dictionary<Guid, HashSet<string>> iTwinAudience = [];
    private readonly Dictionary<(string Resource, Guid Id), string> storedBodies = [];

    private HostileWorld(string run) => Run = run;

    /// <summary>A suffix that keeps this run's users apart from every other test's on the shared fixture.</summary>
    public string Run { get; }

    public Guid OrganizationA { get; } = Guid.NewGuid();

    public Guid OrganizationB { get; } = Guid.NewGuid();

    public Guid ITwinA { get; } = Guid.NewGuid();

    public Guid ITwinB { get; } = Guid.NewGuid();

    public Guid ViewerRoleA { get; } = Guid.NewGuid();

    public Guid ReaderRoleA { get; } = Guid.NewGuid();

    public Guid ViewerRoleB { get; } = Guid.NewGuid();

    public Persona Alice { get; private set; } = null!;

    public Persona Bob { get; private set; } = null!;

    public Persona Carol { get; private set; } = null!;

    public Persona Dave { get; private set; } = null!;

    public Persona Mallory { get; private set; } = null!;

    /// <summary>Every persona, members or not; each has a list the corpus tracks.</summary>
    public IReadOnlyList<Persona> Personas { get; private set; } = [];

    public string AdminUserId => $"hostile-admin-{Run}";

    public IReadOnlyCollection<WorldIModel> IModels => iModels.Values;

    public WorldIModel DeletedIModel { get; private set; } = null!;

    public IReadOnlyList<Guid> ITwins => [ITwinA, ITwinB];

    /// <summary>The JSON each world resource was stored with, for idempotent re-PUTs and for the final comparison.</summary>
    public IReadOnlyDictionary<(string Resource, Guid Id), string> StoredBodies => storedBodies;

    public WorldIModel? IModel(Guid id) => iModels.GetValueOrDefault(id);

    /// <summary>May <paramref name="userId"/> view iModel <paramref name="id"/> now (it exists, and the view rule lets them)?</summary>
    public bool CanView(string userId, Guid id) => iModels.TryGetValue(id, out var iModel) && !iModel.Deleted && iModel.Viewers.Contains(userId);

    /// <summary>Is <paramref name="userId"/> a member of the iTwin or an administrator of its organization?</summary>
    public bool CanSeeITwin(string userId, Guid iTwinId) => iTwinAudience.TryGetValue(iTwinId, out var audience) && audience.Contains(userId);

    public static async Task<HostileWorld> CreateAsync(RecentsApiFixture fixture, Random rng, ListModel model)
    {
        var world = new HostileWorld(Guid.NewGuid().ToString("N")[..10]);
        world.DefinePersonas();
        await world.StoreAsync(fixture, rng, model);
        return world;
    }

    private void DefinePersonas()
    {
        Alice = new Persona("alice", $"alice-{Run}");
        Bob = new Persona("bob", $"bob-{Run}");
        Carol = new Persona("carol (org admin)", $"carol-{Run}");
        Dave = new Persona("dave (reader role)", $"dave-{Run}");
        Mallory = new Persona("mallory (no access)", $"mallory-{Run}");
        var longId = $"long-{Run}-";
        Personas =
        [
            Alice, Bob, Carol, Dave, Mallory,
            // Subs a table key would mangle (/ \ # ? are rewritten by Azure Tables) or that look alike: all distinct users.
            new Persona("slash", $"edge/{Run}"),
            new Persona("backslash", $"edge\\{Run}"),
            new Persona("hash", $"edge#{Run}"),
            new Persona("question", $"edge?{Run}"),
            new Persona("underscore", $"edge_{Run}"),
            new Persona("percent-2F", $"edge%2F{Run}"),
            new Persona("128 characters", longId + new string('x', 128 - longId.Length)),
            new Persona("unicode", $"ünï-{Run}-😀-用户"),
            new Persona("spaces", $" sp {Run} "),
            // Alice with a Cyrillic 'а': another user, member of nothing.
            new Persona("alice homoglyph", $"\u0430lice-{Run}"),
        ];
    }

    /// <summary>The members of iTwin A who hold the viewer role (and so may view its open iModels).</summary>
    private IEnumerable<string> ViewersOfA => Personas
        .Where(persona => persona != Carol && persona != Dave && persona != Mallory && persona.Name != "alice homoglyph")
        .Select(persona => persona.UserId);

    private async Task StoreAsync(RecentsApiFixture fixture, Random rng, ListModel model)
    {
        var admin = fixture.Admin();
        await PutAsync(admin, AdminApi.Organizations, OrganizationA, new JsonObject { ["administrators"] = Strings(Carol.UserId) });
        await PutAsync(admin, AdminApi.Organizations, OrganizationB, new JsonObject { ["administrators"] = Strings() });
        await PutAsync(admin, AdminApi.ITwins, ITwinA, new JsonObject
        {
            ["organizationId"] = OrganizationA.ToString(),
            ["roles"] = new JsonArray(Role(ViewerRoleA, View, Read), Role(ReaderRoleA, Read)),
            ["members"] = new JsonArray([
                .. ViewersOfA.Select(userId => Member(userId, ViewerRoleA)),
                Member(Dave.UserId, ReaderRoleA)]),
        });
        await PutAsync(admin, AdminApi.ITwins, ITwinB, new JsonObject
        {
            ["organizationId"] = OrganizationB.ToString(),
            ["roles"] = new JsonArray(Role(ViewerRoleB, View)),
            ["members"] = new JsonArray(Member(Alice.UserId, ViewerRoleB)),
        });
        iTwinAudience[ITwinA] = [.. ViewersOfA, Dave.UserId, Carol.UserId];
        iTwinAudience[ITwinB] = [Alice.UserId];

        var names = UniqueNames(rng, 40);
        var dates = UniqueDates(rng, 40);
        var next = 0;
        HashSet<string> openA = [.. ViewersOfA, Carol.UserId];
        for (var i = 0; i < 18; i++)
        {
            await AddIModelAsync(admin, ITwinA, names[next], dates[next++], openA, null, null, rng);
        }

        // Secured by user permissions: dave may view; bob's entry lacks imodels_webview; carol administers the organization.
        await AddIModelAsync(admin, ITwinA, names[next], dates[next++], [Dave.UserId, Carol.UserId],
            null, new JsonArray(UserPermission(Dave.UserId, View), UserPermission(Bob.UserId, Read)), rng);
        // Secured by role permissions mapping the viewer role to imodels_webview: the viewers, and carol.
        await AddIModelAsync(admin, ITwinA, names[next], dates[next++], openA,
            new JsonArray(RolePermission(ViewerRoleA, View)), null, rng);
        // Maps the reader role to imodels_webview, but readers lack it at iTwin level (rule 3 needs both): carol only.
        await AddIModelAsync(admin, ITwinA, names[next], dates[next++], [Carol.UserId],
            new JsonArray(RolePermission(ReaderRoleA, View)), null, rng);
        var deleted = await AddIModelAsync(admin, ITwinA, names[next], dates[next++], openA, null, null, rng);
        for (var i = 0; i < 10; i++)
        {
            await AddIModelAsync(admin, ITwinB, names[next], dates[next++], [Alice.UserId], null, null, rng);
        }

        // Bob may view this one through his user permission, though he is no member of B (so he cannot list it).
        var bobsInB = await AddIModelAsync(admin, ITwinB, names[next], dates[next++], [Bob.UserId],
            null, new JsonArray(UserPermission(Bob.UserId, View)), rng);

        await SeedListsAsync(fixture, model, deleted, bobsInB);
        await admin.DeleteIModelExpectingSuccessAsync(deleted);
        DeletedIModel = iModels[deleted] = iModels[deleted] with { Deleted = true };
    }

    /// <summary>Recents and favorites before the corpus, including the soon-deleted iModel (which still takes a place among the 25).</summary>
    private async Task SeedListsAsync(RecentsApiFixture fixture, ListModel model, Guid deleted, Guid bobsInB)
    {
        var inA = iModels.Values.Where(m => m.ITwinId == ITwinA && m.Viewers.Contains(Alice.UserId) && m.Id != deleted).Select(m => m.Id).ToList();
        var inB = iModels.Values.Where(m => m.ITwinId == ITwinB && m.Viewers.Contains(Alice.UserId)).Select(m => m.Id).ToList();
        var carolsOnly = iModels.Values.Single(m => m.Viewers.SetEquals([Carol.UserId])).Id;
        var seeds = new (Persona Persona, Guid[] IModels)[]
        {
            (Alice, [deleted, inA[0], inB[1], inA[2]]),
            (Bob, [inA[3], deleted, bobsInB]),
            (Carol, [carolsOnly, inA[5]]),
            (Personas.Single(p => p.Name == "slash"), [deleted, inA[6]]),
            (Personas.Single(p => p.Name == "backslash"), [inA[7]]),
        };
        foreach (var (persona, ids) in seeds)
        {
            var user = fixture.UserWithId(persona.UserId);
            foreach (var id in ids)
            {
                using var response = await user.AddAsync(id);
                await ApiAssert.NoContentAsync(response);
                model.Add(persona.UserId, id);
            }
        }

        // Favorites (docs/api.md#favorites), apart from the recents; the soon-deleted iModel stays stored among them.
        var favoriteSeeds = new (Persona Persona, Guid[] IModels)[]
        {
            (Alice, [deleted, inA[1], inB[2], inA[0]]),
            (Bob, [bobsInB, inA[4], deleted]),
            (Carol, [inA[8]]),
            (Personas.Single(p => p.Name == "slash"), [deleted]),
            (Personas.Single(p => p.Name == "percent-2F"), [inA[9], inA[6]]),
        };
        foreach (var (persona, ids) in favoriteSeeds)
        {
            var user = fixture.Favorites(fixture.UserWithId(persona.UserId));
            foreach (var id in ids)
            {
                using var response = await user.AddAsync(id);
                await ApiAssert.NoContentAsync(response);
                model.AddFavorite(persona.UserId, id);
            }
        }
    }

    private async Task<Guid> AddIModelAsync(
        AdminApi admin, Guid iTwinId, string name, DateTimeOffset created, HashSet<string> viewers,
        JsonArray? rolePermissions, JsonArray? userPermissions, Random rng)
    {
        var id = Guid.NewGuid();
        var body = new JsonObject
        {
            ["iTwinId"] = iTwinId.ToString(),
            ["name"] = name,
            ["description"] = rng.Next(2) == 0 ? null : $"description of {name}",
            ["state"] = rng.Next(3) == 0 ? "notInitialized" : "initialized",
            ["createdDateTime"] = created.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["extent"] = rng.Next(2) == 0 ? null : new GeoExtent(-10.5, 20.25, 11.75, 21.5).ToJson(),
            ["dataCenterLocation"] = "East US",
            ["rolePermissions"] = rolePermissions,
            ["userPermissions"] = userPermissions,
        };
        await PutAsync(admin, AdminApi.IModels, id, body);
        iModels[id] = new WorldIModel(id, iTwinId, name, created, viewers);
        return id;
    }

    private async Task PutAsync(AdminApi admin, string resource, Guid id, JsonObject body)
    {
        var json = body.ToJsonString();
        using var response = await admin.PutAsync(resource, id.ToString(), json);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"Setting up {resource}/{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        storedBodies[(resource, id)] = json;
    }

    /// <summary>Distinct names of lower-case letters and digits, so ordinal and case-insensitive orders agree.</summary>
    private static List<string> UniqueNames(Random rng, int count)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < count)
        {
            names.Add($"{(char)rng.Next('a', 'z' + 1)}{(char)rng.Next('a', 'z' + 1)}{rng.Next(100):00} hostile model");
        }

        return [.. names];
    }

    private static List<DateTimeOffset> UniqueDates(Random rng, int count)
    {
        var minutes = new HashSet<int>();
        while (minutes.Count < count)
        {
            minutes.Add(rng.Next(1_000_000));
        }

        return [.. minutes.Select(minute => new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(minute))];
    }

    private static JsonArray Strings(params string[] values) => IModelSpec.Strings(values);

    private static JsonObject Role(Guid id, params string[] permissions) => new() { ["id"] = id.ToString(), ["permissions"] = Strings(permissions) };

    private static JsonObject Member(string userId, Guid roleId) => new() { ["userId"] = userId, ["roleIds"] = Strings(roleId.ToString()) };

    private static JsonObject RolePermission(Guid roleId, params string[] permissions) =>
        new() { ["roleId"] = roleId.ToString(), ["permissions"] = Strings(permissions) };

    private static JsonObject UserPermission(string userId, params string[] permissions) =>
        new() { ["userId"] = userId, ["permissions"] = Strings(permissions) };
}
