using Recents.Grains.PlatformDirectory;
using Recents.PlatformDirectory;
using static Recents.Tests.Shared.DirectoryBuilders;

namespace Recents.Unit.Tests.Grains.PlatformDirectory;

/// <summary>The view rule (docs/api.md#who-may-view-an-imodel), rule by rule: who may view an iModel, and who may see an iTwin.</summary>
public sealed class ViewAccessTests
{
    private const string Alice = "alice";
    private const string Bob = "bob";
    private const string Webview = "imodels_webview";
    private const string Read = "imodels_read";

    private static readonly Guid Viewer = Guid.Parse("00000000-0000-4000-8000-00000000a001");
    private static readonly Guid Reviewer = Guid.Parse("00000000-0000-4000-8000-00000000a002");
    private static readonly Guid Guest = Guid.Parse("00000000-0000-4000-8000-00000000a003");

    private static readonly OrganizationDetails? NoOrganization = null;

    private static bool CanViewIModel(string userId, OrganizationDetails? organization, ITwinDetails iTwin, IModelDetails iModel) =>
        ViewAccess.ViewerIn(userId, organization, iTwin).CanView(iModel);

    private static bool CanSeeITwin(string userId, OrganizationDetails? organization, ITwinDetails iTwin) =>
        ViewAccess.ViewerIn(userId, organization, iTwin).CanSeeITwin;

    /// <summary>Viewer grants webview at iTwin level, Reviewer too, Guest only reads.</summary>
    private static ITwinDetails ITwinWith(params ITwinMember[] members) =>
        ITwin([Role(Viewer, Webview), Role(Reviewer, Webview), Role(Guest, Read)], members);

    // Rule 1: administrators of the iTwin's organization.

    [Theory]
    [InlineData("unsecured")]
    [InlineData("role permissions")]
    [InlineData("user permissions")]
    public void Administrator_MayViewAnyIModel_WithoutMembershipOrPermissions(string security)
    {
        var iTwin = ITwinWith(Member(Bob, Viewer));
        var iModel = security switch
        {
            "unsecured" => UnsecuredIModel(),
            "role permissions" => IModelWithRolePermissions(RoleGrant(Viewer, Webview)),
            _ => IModelWithUserPermissions(UserGrant(Bob, Webview)),
        };

        Assert.True(CanViewIModel(Alice, Organization(Alice), iTwin, iModel));
        Assert.False(CanViewIModel(Alice, Organization(Bob), iTwin, iModel));
    }

    [Fact]
    public void AdministratorOfAnotherOrganization_MayNotView()
    {
        var iTwin = ITwinWith(Member(Bob, Viewer));

        Assert.False(CanViewIModel(Alice, Organization(Bob), iTwin, UnsecuredIModel()));
    }

    [Fact]
    public void WithoutOrganization_NobodyIsAdministrator()
    {
        var iTwin = ITwinWith(Member(Bob, Viewer));

        Assert.False(CanViewIModel(Alice, NoOrganization, iTwin, UnsecuredIModel()));
    }

    [Fact]
    public void Administrator_UserIdMustMatchExactly()
    {
        var iTwin = ITwinWith(Member(Bob, Viewer));

        Assert.False(CanViewIModel(Alice, Organization("Alice"), iTwin, UnsecuredIModel()));
    }

    // Rule 2: the iModel's user permissions decide alone.

    [Fact]
    public void UserPermissions_CallerEntryWithWebview_Grants_EvenToANonMember()
    {
        var iTwin = ITwinWith(Member(Bob, Viewer));
        var iModel = IModelWithUserPermissions(UserGrant(Alice, Webview));

        Assert.True(CanViewIModel(Alice, NoOrganization, iTwin, iModel));
    }

    [Fact]
    public void UserPermissions_CallerEntryWithWebview_Grants_EvenWithoutITwinLevelWebview()
    {
        var iTwin = ITwinWith(Member(Alice, Guest));
        var iModel = IModelWithUserPermissions(UserGrant(Alice, Read, Webview));

        Assert.True(CanViewIModel(Alice, NoOrganization, iTwin, iModel));
    }

    [Fact]
    public void UserPermissions_CallerEntryWithoutWebview_Denies_EvenWithITwinLevelWebview()
    {
        var iTwin = ITwinWith(Member(Alice, Viewer), Member(Bob, Viewer));
        var iModel = IModelWithUserPermissions(UserGrant(Alice, Read), UserGrant(Bob, Webview));

        Assert.True(CanViewIModel(Alice, NoOrganization, iTwin, UnsecuredIModel()));
        Assert.False(CanViewIModel(Alice, NoOrganization, iTwin, iModel));
    }

    [Fact]
    public void UserPermissions_CallerWithoutEntry_Denies_EvenWithITwinLevelWebview()
    {
        var iTwin = ITwinWith(Member(Alice, Viewer));
        var iModel = IModelWithUserPermissions(UserGrant(Bob, Webview));

        Assert.True(CanViewIModel(Alice, NoOrganization, iTwin, UnsecuredIModel()));
        Assert.False(CanViewIModel(Alice, NoOrganization, iTwin, iModel));
    }

    [Fact]
    public void UserPermissions_Empty_SecureTheIModelAgainstEveryMember()
    {
        var iTwin = ITwinWith(Member(Alice, Viewer));

        Assert.False(CanViewIModel(Alice, NoOrganization, iTwin, IModelWithUserPermissions()));
    }

    [Fact]
    public void UserPermissions_WebviewInAnotherCase_Denies()
    {
        var iTwin = ITwinWith(Member(Alice, Viewer));
        var iModel = IModelWithUserPermissions(UserGrant(Alice, "IMODELS_WEBVIEW"));

        Assert.False(CanViewIModel(Alice, NoOrganization, iTwin, iModel));
    }

    [Fact]
    public void UserPermissions_EntryForTheUserIdInAnotherCase_Denies()
    {
        var iTwin = ITwinWith(Member(Alice, Viewer));
        var iModel = IModelWithUserPermissions(UserGrant("ALICE", Webview));

        Assert.False(CanViewIModel(Alice, NoOrganization, iTwin, iModel));
    }

    // Rule 3: the iModel's role permissions, and webview at iTwin level as well.

    [Fact]
    public void RolePermissions_WebviewOnCallersRole_AndAtITwinLevel_Grants()
    {
        var iTwin = ITwinWith(Member(Alice, Viewer));
        var iModel = IModelWithRolePermissions(RoleGrant(Viewer, Read, Webview));

        Assert.True(CanViewIModel(Alice, NoOrganization, iTwin, iModel));
    }

    [Fact]
    public void RolePermissions_WebviewOnlyOnARoleTheCallerDoesNotHold_Denies()
    {
        var iTwin = ITwinWith(Member(Alice, Viewer), Member(Bob, Reviewer));
        var iModel = IModelWithRolePermissions(RoleGrant(Reviewer, Webview), RoleGrant(Viewer, Read));

        Assert.True(CanViewIModel(Bob, NoOrganization, iTwin, iModel));
        Assert.False(CanViewIModel(Alice, NoOrganization, iTwin, iModel));
    }

    [Fact]
    public void RolePermissions_WebviewOnCallersRole_ButNotAtITwinLevel_Denies()
    {
        var iTwin = ITwinWith(Member(Alice, Guest));
        var iModel = IModelWithRolePermissions(RoleGrant(Guest, Webview));

        Assert.False(CanViewIModel(Alice, NoOrganization, iTwin, iModel));
    }

    [Fact]
    public void RolePermissions_WebviewOnOneRole_AndAtITwinLevelThroughAnother_Grants()
    {
        var iTwin = ITwinWith(Member(Alice, Guest, Viewer));
        var iModel = IModelWithRolePermissions(RoleGrant(Guest, Webview));

        Assert.True(CanViewIModel(Alice, NoOrganization, iTwin, iModel));
    }

    [Fact]
    public void RolePermissions_CallersRoleMappedWithoutWebview_Denies()
    {
        var iTwin = ITwinWith(Member(Alice, Viewer));
        var iModel = IModelWithRolePermissions(RoleGrant(Viewer, Read));

        Assert.False(CanViewIModel(Alice, NoOrganization, iTwin, iModel));
    }

    [Fact]
    public void RolePermissions_Empty_SecureTheIModelAgainstEveryMember()
    {
        var iTwin = ITwinWith(Member(Alice, Viewer));

        Assert.False(CanViewIModel(Alice, NoOrganization, iTwin, IModelWithRolePermissions()));
    }

    [Fact]
    public void RolePermissions_CallerNotAMember_Denies()
    {
        var iTwin = ITwinWith(Member(Bob, Viewer));
        var iModel = IModelWithRolePermissions(RoleGrant(Viewer, Webview));

        Assert.True(CanViewIModel(Bob, NoOrganization, iTwin, iModel));
        Assert.False(CanViewIModel(Alice, NoOrganization, iTwin, iModel));
    }

    [Fact]
    public void RolePermissions_WebviewInAnotherCaseOnTheIModel_Denies()
    {
        var iTwin = ITwinWith(Member(Alice, Viewer));
        var iModel = IModelWithRolePermissions(RoleGrant(Viewer, "Imodels_Webview"));

        Assert.False(CanViewIModel(Alice, NoOrganization, iTwin, iModel));
    }

    [Fact]
    public void RolePermissions_WebviewInAnotherCaseAtITwinLevel_Denies()
    {
        var iTwin = ITwin([Role(Viewer, "IMODELS_WEBVIEW")], [Member(Alice, Viewer)]);
        var iModel = IModelWithRolePermissions(RoleGrant(Viewer, Webview));

        Assert.False(CanViewIModel(Alice, NoOrganization, iTwin, iModel));
    }

    // Rule 4: an unsecured iModel follows the iTwin-level permissions.

    [Fact]
    public void Unsecured_ITwinLevelWebview_Grants()
    {
        var iTwin = ITwinWith(Member(Alice, Viewer));

        Assert.True(CanViewIModel(Alice, NoOrganization, iTwin, UnsecuredIModel()));
    }

    [Fact]
    public void Unsecured_ITwinLevelWebviewFromAnyOfTheCallersRoles_Grants()
    {
        var iTwin = ITwinWith(Member(Alice, Guest, Reviewer));

        Assert.True(CanViewIModel(Alice, NoOrganization, iTwin, UnsecuredIModel()));
    }

    [Fact]
    public void Unsecured_ITwinLevelWithoutWebview_Denies()
    {
        var iTwin = ITwinWith(Member(Alice, Guest));

        Assert.False(CanViewIModel(Alice, NoOrganization, iTwin, UnsecuredIModel()));
    }

    [Fact]
    public void Unsecured_MemberWithoutRoles_Denies()
    {
        var iTwin = ITwinWith(Member(Alice));

        Assert.False(CanViewIModel(Alice, NoOrganization, iTwin, UnsecuredIModel()));
    }

    [Fact]
    public void Unsecured_MemberOfARoleTheITwinDoesNotDefine_Denies()
    {
        var iTwin = ITwinWith(Member(Alice, Guid.Parse("00000000-0000-4000-8000-00000000a0ff")));

        Assert.False(CanViewIModel(Alice, NoOrganization, iTwin, UnsecuredIModel()));
    }

    [Fact]
    public void Unsecured_CallerNotAMember_Denies()
    {
        var iTwin = ITwinWith(Member(Bob, Viewer));

        Assert.False(CanViewIModel(Alice, NoOrganization, iTwin, UnsecuredIModel()));
    }

    [Fact]
    public void Unsecured_WebviewInAnotherCaseAtITwinLevel_Denies()
    {
        var iTwin = ITwin([Role(Viewer, "Imodels_WebView")], [Member(Alice, Viewer)]);

        Assert.False(CanViewIModel(Alice, NoOrganization, iTwin, UnsecuredIModel()));
    }

    // iTwin-level permissions and seeing an iTwin.

    [Fact]
    public void CanSeeITwin_AllowsAMemberWithARole()
    {
        Assert.True(CanSeeITwin(Alice, NoOrganization, ITwinWith(Member(Alice, Guest))));
    }

    [Fact]
    public void CanSeeITwin_AllowsAMemberWithoutRoles()
    {
        Assert.True(CanSeeITwin(Alice, NoOrganization, ITwinWith(Member(Alice))));
    }

    [Fact]
    public void CanSeeITwin_AllowsAnAdministratorWhoIsNotAMember()
    {
        Assert.True(CanSeeITwin(Alice, Organization(Bob, Alice), ITwinWith(Member(Bob, Viewer))));
    }

    [Fact]
    public void ViewerIn_WithoutTheOrganization_AnswersForMembershipAlone()
    {
        var iTwin = ITwinWith(Member(Bob, Viewer));

        Assert.False(ViewAccess.ViewerIn(Alice, NoOrganization, iTwin).CanSeeITwin);
        Assert.True(ViewAccess.ViewerIn(Alice, Organization(Bob, Alice), iTwin).CanSeeITwin);
        Assert.True(ViewAccess.ViewerIn(Bob, NoOrganization, iTwin).CanSeeITwin);
    }

    [Fact]
    public async Task ViewerInAsync_ReadsTheOrganizationOnlyWhenMembershipDoesNotGrant()
    {
        var iTwin = ITwinWith(Member(Alice, Viewer));
        var secured = IModelWithUserPermissions(UserGrant(Bob, Webview));
        var reads = 0;
        Task<OrganizationDetails?> ReadOrganization()
        {
            reads++;
            return Task.FromResult<OrganizationDetails?>(Organization(Alice));
        }

        var asMember = await ViewAccess.ViewerInAsync(Alice, iTwin, ReadOrganization, viewer => viewer.CanView(UnsecuredIModel()));
        Assert.Equal(0, reads);
        Assert.True(asMember.CanView(UnsecuredIModel()));

        var asAdministrator = await ViewAccess.ViewerInAsync(Alice, iTwin, ReadOrganization, viewer => viewer.CanView(secured));
        Assert.Equal(1, reads);
        Assert.True(asAdministrator.CanView(secured));
    }

    [Fact]
    public void CanSeeITwin_RefusesAStranger()
    {
        var iTwin = ITwinWith(Member(Bob, Viewer));

        Assert.False(CanSeeITwin(Alice, Organization(Bob), iTwin));
        Assert.False(CanSeeITwin(Alice, NoOrganization, iTwin));
    }
}
