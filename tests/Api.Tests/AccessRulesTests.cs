using System.Net;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>
/// The view rule (docs/api.md#who-may-view-an-imodel) end to end: the directory is written through the admin endpoints, then the caller's POST, GET
/// and DELETE show who may view which iModel, and that a later change applies to the next request.
/// </summary>
[Collection(RecentsApiCollection.Name)]
public sealed class AccessRulesTests(RecentsApiFixture fixture)
{
    private const string View = DirectoryBuilder.View;

    // ---- rule 1: administrators of the organization ---------------------------------------------

    [Fact]
    public async Task AdministratorNotMember_AddAndList_Succeed()
    {
        var admin = fixture.NewUser("org-admin");
        var directory = await fixture.NewDirectory().WithAdministrator(admin.Id).WithViewer(fixture.NewUser().Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();

        await AssertCanViewAsync(admin, directory, iModelId);
    }

    [Fact]
    public async Task Administrator_IModelWithUserPermissionsNotNamingThem_CanView()
    {
        var admin = fixture.NewUser("org-admin");
        var directory = await fixture.NewDirectory().WithAdministrator(admin.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync(new IModelSpec { UserPermissions = [new(fixture.NewUser().Id, View)] });

        await AssertCanViewAsync(admin, directory, iModelId);
    }

    [Fact]
    public async Task Administrator_IModelWithRolePermissionsAndNoRoleHeld_CanView()
    {
        var admin = fixture.NewUser("org-admin");
        var directory = fixture.NewDirectory().WithAdministrator(admin.Id);
        var role = directory.AddRole(View);
        await directory.SaveAsync();
        var iModelId = await directory.AddIModelAsync(new IModelSpec { RolePermissions = [new(role, View)] });

        await AssertCanViewAsync(admin, directory, iModelId);
    }

    [Fact]
    public async Task AdministratorOfAnotherOrganization_Add_CannotView()
    {
        var otherAdmin = fixture.NewUser("other-admin");
        await fixture.NewDirectory().WithAdministrator(otherAdmin.Id).SaveAsync();
        var directory = await fixture.NewDirectory().WithViewer(fixture.NewUser().Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();

        await AssertCannotAddAsync(otherAdmin, iModelId);
        await AssertITwinNotFoundAsync(otherAdmin, directory);
    }

    // ---- rule 2: user permissions -----------------------------------------------------------------

    [Fact]
    public async Task MemberWithoutRoles_NamedInUserPermissionsWithView_CanAddAndList()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithMember(user.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync(new IModelSpec { UserPermissions = [new(user.Id, "imodels_read", View)] });

        await AssertCanViewAsync(user, directory, iModelId);
    }

    [Fact]
    public async Task UserPermissionEntryWithoutView_MemberWithITwinLevelView_IsDenied()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync(new IModelSpec { UserPermissions = [new(user.Id, "imodels_read")] });

        await AssertCannotAddAsync(user, iModelId);
    }

    [Fact]
    public async Task MemberWithITwinLevelView_AbsentFromUserPermissions_CannotView()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync(new IModelSpec { UserPermissions = [new(fixture.NewUser().Id, View)] });

        await AssertCannotAddAsync(user, iModelId);
    }

    [Fact]
    public async Task EmptyUserPermissions_EveryMember_CannotView()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync(new IModelSpec { UserPermissions = [] });

        await AssertCannotAddAsync(user, iModelId);
    }

    // ---- rule 3: role permissions ------------------------------------------------------------------

    [Fact]
    public async Task MemberWhoseRoleGrantsView_OnTheIModelAndInTheITwin_CanView()
    {
        var user = fixture.NewUser();
        var directory = fixture.NewDirectory();
        var role = directory.AddRole(View);
        await directory.WithMember(user.Id, role).SaveAsync();
        var iModelId = await directory.AddIModelAsync(new IModelSpec { RolePermissions = [new(role, View)] });

        await AssertCanViewAsync(user, directory, iModelId);
    }

    [Fact]
    public async Task RolePermissions_WithoutViewAtITwinLevel_DoNotGrantView()
    {
        var user = fixture.NewUser();
        var directory = fixture.NewDirectory();
        var role = directory.AddRole("imodels_read");
        await directory.WithMember(user.Id, role).SaveAsync();
        var iModelId = await directory.AddIModelAsync(new IModelSpec { RolePermissions = [new(role, View)] });

        await AssertCannotAddAsync(user, iModelId);
    }

    [Fact]
    public async Task IModelAndITwinLevelView_FromDifferentRolesOfTheCaller_GrantView()
    {
        var user = fixture.NewUser();
        var directory = fixture.NewDirectory();
        var iTwinViewer = directory.AddRole(View);
        var modelReviewer = directory.AddRole("imodels_read");
        await directory.WithMember(user.Id, iTwinViewer, modelReviewer).SaveAsync();
        var iModelId = await directory.AddIModelAsync(new IModelSpec { RolePermissions = [new(modelReviewer, View)] });

        await AssertCanViewAsync(user, directory, iModelId);
    }

    [Fact]
    public async Task MemberWhoseRoleIsNotMappedToViewOnTheIModel_Add_CannotView()
    {
        var user = fixture.NewUser();
        var directory = fixture.NewDirectory();
        var viewer = directory.AddRole(View);
        var other = directory.AddRole(View);
        await directory.WithMember(user.Id, viewer).SaveAsync();
        var iModelId = await directory.AddIModelAsync(new IModelSpec
        {
            RolePermissions = [new(other, View), new(viewer, "imodels_read")],
        });

        await AssertCannotAddAsync(user, iModelId);
    }

    [Fact]
    public async Task RolePermissions_UserNotAMember_DoNotApply()
    {
        var outsider = fixture.NewUser("outsider");
        var directory = fixture.NewDirectory();
        var role = directory.AddRole(View);
        await directory.WithMember(fixture.NewUser().Id, role).SaveAsync();
        var iModelId = await directory.AddIModelAsync(new IModelSpec { RolePermissions = [new(role, View)] });

        await AssertCannotAddAsync(outsider, iModelId);
    }

    // ---- rule 4: unsecured iModels ------------------------------------------------------------------

    [Fact]
    public async Task UnsecuredIModel_MemberWithITwinLevelView_CanView()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();

        await AssertCanViewAsync(user, directory, iModelId);
    }

    [Fact]
    public async Task UnsecuredIModel_MemberWithoutITwinLevelView_CannotView()
    {
        var user = fixture.NewUser();
        var directory = fixture.NewDirectory();
        var reader = directory.AddRole("imodels_read", "imodels_manage");
        await directory.WithMember(user.Id, reader).SaveAsync();
        var iModelId = await directory.AddIModelAsync();

        await AssertCannotAddAsync(user, iModelId);
        Assert.Empty(await user.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task UnsecuredIModel_MemberWithoutRoles_CannotView()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithMember(user.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();

        await AssertCannotAddAsync(user, iModelId);
    }

    [Fact]
    public async Task Permissions_InAnotherCase_GrantNothing()
    {
        var user = fixture.NewUser();
        var directory = fixture.NewDirectory();
        var role = directory.AddRole("IMODELS_WEBVIEW");
        await directory.WithMember(user.Id, role).SaveAsync();
        var iModelId = await directory.AddIModelAsync();

        await AssertCannotAddAsync(user, iModelId);
    }

    [Fact]
    public async Task Add_IModelWhoseITwinIsMissingFromTheDirectory_IsNotFound()
    {
        var user = fixture.NewUser();
        var iModelId = Guid.NewGuid();
        await fixture.Admin().StoreIModelAsync(iModelId, Guid.NewGuid(), new IModelSpec());

        await AssertCannotAddAsync(user, iModelId);
    }

    // ---- changes after an add ---------------------------------------------------------------------

    [Fact]
    public async Task UserPermissionRemoved_AfterAnAdd_HidesTheIModelAndRefusesTheNextAdd()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithMember(user.Id).SaveAsync();
        var spec = new IModelSpec { UserPermissions = [new(user.Id, View)] };
        var iModelId = await directory.AddIModelAsync(spec);
        var unaffected = await directory.AddIModelAsync(new IModelSpec { UserPermissions = [new(user.Id, View)] });
        await user.AddAllAsync(iModelId, unaffected);

        await directory.UpdateIModelAsync(iModelId, spec with { UserPermissions = [new(fixture.NewUser().Id, View)] });

        Assert.Equal([unaffected], await user.ListIdsAsync(directory.ITwinId));
        await AssertCannotAddAsync(user, iModelId);
        using var removed = await user.RemoveAsync(iModelId);
        await ApiAssert.ErrorAsync(removed, HttpStatusCode.NotFound, "iModelNotFound");
    }

    [Fact]
    public async Task RoleMappingRemovedFromTheIModel_AfterAnAdd_HidesIt()
    {
        var user = fixture.NewUser();
        var directory = fixture.NewDirectory();
        var role = directory.AddRole(View);
        await directory.WithMember(user.Id, role).SaveAsync();
        var spec = new IModelSpec { RolePermissions = [new(role, View)] };
        var iModelId = await directory.AddIModelAsync(spec);
        await user.AddAllAsync(iModelId);

        await directory.UpdateIModelAsync(iModelId, spec with { RolePermissions = [new(role, "imodels_read")] });

        Assert.Empty(await user.ListIdsAsync(directory.ITwinId));
        await AssertCannotAddAsync(user, iModelId);
    }

    [Fact]
    public async Task OpenIModelSecured_AfterAnAdd_HidesItFromMembersNotNamed()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var spec = new IModelSpec();
        var iModelId = await directory.AddIModelAsync(spec);
        await user.AddAllAsync(iModelId);

        await directory.UpdateIModelAsync(iModelId, spec with { UserPermissions = [new(fixture.NewUser().Id, View)] });

        Assert.Empty(await user.ListIdsAsync(directory.ITwinId));
        await AssertCannotAddAsync(user, iModelId);
    }

    [Fact]
    public async Task ViewRevokedFromTheCallersITwinRole_AfterAnAdd_HidesTheIModel()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();
        await user.AddAllAsync(iModelId);

        await directory.SetRolePermissions(directory.ViewerRoleId, "imodels_read").SaveAsync();

        Assert.Empty(await user.ListIdsAsync(directory.ITwinId));
        await AssertCannotAddAsync(user, iModelId);
    }

    [Fact]
    public async Task CallerRemovedFromTheITwin_AfterAnAdd_MakesTheITwinAndIModelUnavailable()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();
        await user.AddAllAsync(iModelId);

        await directory.WithoutMember(user.Id).SaveAsync();

        await AssertITwinNotFoundAsync(user, directory);
        await AssertCannotAddAsync(user, iModelId);
    }

    [Fact]
    public async Task AdministratorRemoved_AfterAnAdd_MakesTheITwinAndIModelUnavailable()
    {
        var admin = fixture.NewUser("org-admin");
        var directory = await fixture.NewDirectory().WithAdministrator(admin.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync(new IModelSpec { UserPermissions = [] });
        await admin.AddAllAsync(iModelId);

        await directory.WithoutAdministrator(admin.Id).SaveAsync();

        await AssertITwinNotFoundAsync(admin, directory);
        await AssertCannotAddAsync(admin, iModelId);
    }

    [Fact]
    public async Task PermissionGrantedAgain_AfterBeingRevoked_ShowsTheIModelWhereItWasInTheList()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var spec = new IModelSpec();
        var ids = await directory.AddIModelsAsync(2);
        var revoked = await directory.AddIModelAsync(spec);
        await user.AddAllAsync(ids[0], revoked, ids[1]);

        await directory.UpdateIModelAsync(revoked, spec with { UserPermissions = [] });
        Assert.Equal([ids[1], ids[0]], await user.ListIdsAsync(directory.ITwinId));
        await directory.UpdateIModelAsync(revoked, spec);

        Assert.Equal([ids[1], revoked, ids[0]], await user.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task HiddenEntry_InAPagedList_DoesNotCountAgainstTopAndSkip()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var spec = new IModelSpec();
        var ids = await directory.AddIModelsAsync(3);
        var hidden = await directory.AddIModelAsync(spec);
        await user.AddAllAsync(ids[0], ids[1], hidden, ids[2]);

        await directory.UpdateIModelAsync(hidden, spec with { UserPermissions = [] });

        var page = await user.ListBodyAsync(directory.ITwinId, "$top=2");
        Assert.Equal([ids[2], ids[1]], RecentsUser.IdsOf(page));
        Assert.Equal([ids[0]], await user.ListIdsAsync(directory.ITwinId, "$top=2&$skip=2"));
    }

    [Fact]
    public async Task DeletedIModel_AfterAnAdd_DisappearsAndCanBeNeitherAddedNorRemoved()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var kept = await directory.AddIModelAsync();
        var deleted = await directory.AddIModelAsync();
        await user.AddAllAsync(kept, deleted);

        await fixture.Admin().DeleteIModelExpectingSuccessAsync(deleted);

        Assert.Equal([kept], await user.ListIdsAsync(directory.ITwinId));
        await AssertCannotAddAsync(user, deleted);
        using var removed = await user.RemoveAsync(deleted);
        await ApiAssert.ErrorAsync(removed, HttpStatusCode.NotFound, "iModelNotFound");
    }

    [Fact]
    public async Task DeletedIModel_ListedByAnAdministrator_IsHidden()
    {
        var admin = fixture.NewUser("org-admin");
        var directory = await fixture.NewDirectory().WithAdministrator(admin.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();
        await admin.AddAllAsync(iModelId);

        await fixture.Admin().DeleteIModelExpectingSuccessAsync(iModelId);

        Assert.Empty(await admin.ListIdsAsync(directory.ITwinId));
        await AssertCannotAddAsync(admin, iModelId);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /// <summary>The caller can add the iModel, sees it listed, and can remove it.</summary>
    private static async Task AssertCanViewAsync(RecentsUser user, DirectoryBuilder directory, Guid iModelId)
    {
        using (var added = await user.AddAsync(iModelId))
        {
            await ApiAssert.NoContentAsync(added);
        }

        Assert.Equal([iModelId], await user.ListIdsAsync(directory.ITwinId));

        using (var removed = await user.RemoveAsync(iModelId))
        {
            await ApiAssert.NoContentAsync(removed);
        }

        Assert.Empty(await user.ListIdsAsync(directory.ITwinId));
    }

    private static async Task AssertCannotAddAsync(RecentsUser user, Guid iModelId)
    {
        using var response = await user.AddAsync(iModelId);
        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "iModelNotFound");
        Assert.Equal("Requested iModel is not available.", error.GetProperty("message").GetString());
    }

    private static async Task AssertITwinNotFoundAsync(RecentsUser user, DirectoryBuilder directory)
    {
        using var response = await user.ListAsync(directory.ITwinId);
        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "iTwinNotFound");
    }
}
