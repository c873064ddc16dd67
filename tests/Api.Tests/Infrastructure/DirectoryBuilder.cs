using System.Text.Json.Nodes;

namespace Recents.Api.Tests.Infrastructure;

/// <summary>
/// A fresh organization and iTwin (new GUIDs) with administrators, roles and members, written through the
/// admin endpoints by <see cref="SaveAsync"/>; change it and save again to model a later change to the directory.
/// </summary>
public sealed class DirectoryBuilder(AdminApi admin)
{
    public const string View = "imodels_webview";

    private readonly List<string> administrators = [];
    private readonly List<(Guid Id, string[] Permissions)> roles = [];
    private readonly List<(string UserId, Guid[] RoleIds)> members = [];
    private Guid? viewerRoleId;

    public Guid OrganizationId { get; } = Guid.NewGuid();

    public Guid ITwinId { get; } = Guid.NewGuid();

    /// <summary>A role of this iTwin granting <c>imodels_webview</c>, created on first use.</summary>
    public Guid ViewerRoleId => viewerRoleId ??= AddRole(View);

    public DirectoryBuilder WithAdministrator(string userId)
    {
        administrators.Add(userId);
        return this;
    }

    public DirectoryBuilder WithoutAdministrator(string userId)
    {
        administrators.Remove(userId);
        return this;
    }

    /// <summary>Adds a role with <paramref name="permissions"/> and returns its id.</summary>
    public Guid AddRole(params string[] permissions)
    {
        var id = Guid.NewGuid();
        roles.Add((id, permissions));
        return id;
    }

    /// <summary>Replaces the permissions of a role.</summary>
    public DirectoryBuilder SetRolePermissions(Guid roleId, params string[] permissions)
    {
        var index = roles.FindIndex(role => role.Id == roleId);
        roles[index] = (roleId, permissions);
        return this;
    }

    public DirectoryBuilder WithMember(string userId, params Guid[] roleIds)
    {
        members.RemoveAll(member => member.UserId == userId);
        members.Add((userId, roleIds));
        return this;
    }

    /// <summary>A member holding the viewer role: may view every unsecured iModel of the iTwin.</summary>
    public DirectoryBuilder WithViewer(string userId) => WithMember(userId, ViewerRoleId);

    public DirectoryBuilder WithoutMember(string userId)
    {
        members.RemoveAll(member => member.UserId == userId);
        return this;
    }

    /// <summary>PUTs the organization and the iTwin as they are now.</summary>
    public async Task<DirectoryBuilder> SaveAsync()
    {
        await admin.StoreAsync(AdminApi.Organizations, OrganizationId, OrganizationJson());
        await admin.StoreAsync(AdminApi.ITwins, ITwinId, ITwinJson());
        return this;
    }

    /// <summary>PUTs a new iModel of this iTwin and returns its id.</summary>
    public async Task<Guid> AddIModelAsync(IModelSpec? spec = null)
    {
        var id = Guid.NewGuid();
        await admin.StoreIModelAsync(id, ITwinId, spec ?? new IModelSpec());
        return id;
    }

    public async Task<IReadOnlyList<Guid>> AddIModelsAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await AddIModelAsync());
        }

        return ids;
    }

    /// <summary>PUTs <paramref name="count"/> new iModels of this iTwin, <paramref name="parallelism"/> at a time.</summary>
    public async Task<IReadOnlyList<Guid>> AddIModelsConcurrentlyAsync(int count, int parallelism = 50)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        foreach (var batch in ids.Chunk(parallelism))
        {
            await Task.WhenAll(batch.Select(id => admin.StoreIModelAsync(id, ITwinId, new IModelSpec())));
        }

        return ids;
    }

    /// <summary>PUTs an existing iModel of this iTwin again, as <paramref name="spec"/>.</summary>
    public Task UpdateIModelAsync(Guid iModelId, IModelSpec spec) => admin.StoreIModelAsync(iModelId, ITwinId, spec);

    public JsonObject OrganizationJson() => new() { ["administrators"] = IModelSpec.Strings(administrators) };

    public JsonObject ITwinJson() => new()
    {
        ["organizationId"] = OrganizationId.ToString(),
        ["roles"] = new JsonArray([.. roles.Select(role => (JsonNode)new JsonObject
        {
            ["id"] = role.Id.ToString(),
            ["permissions"] = IModelSpec.Strings(role.Permissions),
        })]),
        ["members"] = new JsonArray([.. members.Select(member => (JsonNode)new JsonObject
        {
            ["userId"] = member.UserId,
            ["roleIds"] = IModelSpec.Strings(member.RoleIds.Select(roleId => roleId.ToString())),
        })]),
    };
}
