using System.Text.Json.Nodes;

namespace Recents.Bench.Alternative.Tests.Infrastructure;

/// <summary>
/// The directory every test of a fixture shares, written as a seed file in the Orleans API's shape (demo/seed.json):
/// one organization with an administrator; iTwin A and iTwin B, whose members are a pool of users with a viewer role;
/// iTwin C without members; 60 open iModels in A, one in A that only a stranger may view, 5 in B, one in C.
/// Every id is new, so fixtures on the same tables do not meet.
/// </summary>
public sealed class TestDirectory
{
    public const int PoolSize = 24;
    public const int OpenIModelsInA = 60;
    public const int IModelsInB = 5;

    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private int nextUser = -1;

    public Guid OrganizationId { get; } = Guid.NewGuid();

    public Guid ITwinA { get; } = Guid.NewGuid();

    public Guid ITwinB { get; } = Guid.NewGuid();

    public Guid ITwinC { get; } = Guid.NewGuid();

    public Guid ViewerRoleA { get; } = Guid.NewGuid();

    public Guid ViewerRoleB { get; } = Guid.NewGuid();

    public IReadOnlyList<Guid> OpenInA { get; } = Enumerable.Range(0, OpenIModelsInA).Select(_ => Guid.NewGuid()).ToList();

    public IReadOnlyList<Guid> InB { get; } = Enumerable.Range(0, IModelsInB).Select(_ => Guid.NewGuid()).ToList();

    /// <summary>In A, with user permissions for a stranger only: members of A may not view it.</summary>
    public Guid SecretInA { get; } = Guid.NewGuid();

    /// <summary>In C, which no pool user is a member of.</summary>
    public Guid InC { get; } = Guid.NewGuid();

    public string Administrator => $"org-admin-{run}";

    public string Stranger => $"stranger-{run}";

    /// <summary>A member of A and B (viewer role in both) that no other test uses.</summary>
    public string NewUser()
    {
        var index = Interlocked.Increment(ref nextUser);
        return index < PoolSize ? PoolUser(index) : throw new InvalidOperationException($"Raise {nameof(PoolSize)}.");
    }

    public string NameOf(Guid iModelId) => $"iModel {iModelId:N}";

    public JsonObject ToSeed() => new()
    {
        ["organizations"] = new JsonArray(new JsonObject
        {
            ["id"] = OrganizationId.ToString(),
            ["administrators"] = new JsonArray(Administrator),
        }),
        ["iTwins"] = new JsonArray(
            ITwin(ITwinA, ViewerRoleA, members: true),
            ITwin(ITwinB, ViewerRoleB, members: true),
            ITwin(ITwinC, Guid.NewGuid(), members: false)),
        ["iModels"] = new JsonArray([
            .. OpenInA.Select(id => IModel(id, ITwinA)),
            .. InB.Select(id => IModel(id, ITwinB)),
            IModel(SecretInA, ITwinA, new JsonArray(new JsonObject
            {
                ["userId"] = Stranger,
                ["permissions"] = new JsonArray("imodels_webview"),
            })),
            IModel(InC, ITwinC),
        ]),
    };

    private string PoolUser(int index) => $"user-{run}-{index}";

    private JsonObject ITwin(Guid id, Guid viewerRole, bool members) => new()
    {
        ["id"] = id.ToString(),
        ["organizationId"] = OrganizationId.ToString(),
        ["roles"] = new JsonArray(
            new JsonObject { ["id"] = viewerRole.ToString(), ["permissions"] = new JsonArray("imodels_webview", "imodels_read") },
            new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["permissions"] = new JsonArray("imodels_read") }),
        ["members"] = members
            ? new JsonArray([.. Enumerable.Range(0, PoolSize).Select(i => (JsonNode)new JsonObject
            {
                ["userId"] = PoolUser(i),
                ["roleIds"] = new JsonArray(viewerRole.ToString()),
            })])
            : new JsonArray(),
    };

    private JsonObject IModel(Guid id, Guid iTwinId, JsonArray? userPermissions = null) => new()
    {
        ["id"] = id.ToString(),
        ["iTwinId"] = iTwinId.ToString(),
        ["name"] = NameOf(id),
        ["description"] = null,
        ["state"] = "initialized",
        ["createdDateTime"] = "2026-01-15T09:30:00Z",
        ["extent"] = new JsonObject
        {
            ["southWest"] = new JsonObject { ["latitude"] = 46.78, ["longitude"] = -71.24 },
            ["northEast"] = new JsonObject { ["latitude"] = 46.79, ["longitude"] = -71.22 },
        },
        ["dataCenterLocation"] = "East US",
        ["rolePermissions"] = null,
        ["userPermissions"] = userPermissions,
    };
}
