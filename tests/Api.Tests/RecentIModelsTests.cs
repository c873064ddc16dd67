using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>Recents through HTTP (docs/api.md#operations, docs/api.md#imodel-representation): add, list and remove recent iModels.</summary>
[Collection(RecentsApiCollection.Name)]
public sealed partial class RecentIModelsTests(RecentsApiFixture fixture)
{
    private const string IModelNotFoundMessage = "Requested iModel is not available.";
    private const string ITwinNotFoundMessage = "Requested iTwin is not available.";

    // ---- POST: what it accepts -------------------------------------------------------------------

    [Fact]
    public async Task Add_WithoutABody_Is204WithNoBody()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync();

        using var response = await user.AddAsync(iModelId);

        await ApiAssert.NoContentAsync(response);
        Assert.Equal([iModelId], await user.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Add_WithAnEmptyJsonObjectBody_Is204()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync();

        using var response = await user.AddAsync(iModelId, ApiClient.JsonBody("{}"));

        await ApiAssert.NoContentAsync(response);
        Assert.Equal([iModelId], await user.ListIdsAsync(directory.ITwinId));
    }

    [Theory]
    [InlineData("text/plain", "this is not JSON at all {")]
    [InlineData("application/json", "{ definitely: not json")]
    [InlineData("application/xml", "<recent/>")]
    [InlineData("application/octet-stream", "\u0001\u0002\u0003")]
    public async Task Add_WithAnyBodyAndContentType_IgnoresThem(string mediaType, string body)
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync();

        using var response = await user.AddAsync(iModelId, ApiClient.Body(body, mediaType));

        await ApiAssert.NoContentAsync(response);
        Assert.Equal([iModelId], await user.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Add_IdInUpperCase_IsAccepted()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync();

        using var response = await user.AddAsync(iModelId.ToString().ToUpperInvariant());

        await ApiAssert.NoContentAsync(response);
        Assert.Equal([iModelId], await user.ListIdsAsync(directory.ITwinId));
    }

    // ---- POST and GET: the list ------------------------------------------------------------------

    [Fact]
    public async Task List_AfterSeveralAdds_IsMostRecentlyUsedFirst()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(4);

        await user.AddAllAsync(ids);

        Assert.Equal(ids.Reverse(), await user.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Add_OfAListedIModel_MovesItToTheFrontWithoutDuplicatingIt()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(3);
        await user.AddAllAsync(ids);

        await user.AddAllAsync(ids[0]);

        Assert.Equal([ids[0], ids[2], ids[1]], await user.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Add_OfTheFrontIModel_KeepsTheListUnchanged()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(2);
        await user.AddAllAsync(ids);

        await user.AddAllAsync(ids[1]);

        Assert.Equal([ids[1], ids[0]], await user.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Add_OfA26thIModel_DropsTheLeastRecentlyUsed()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(26);

        await user.AddAllAsync(ids);

        var listed = await user.ListIdsAsync(directory.ITwinId, "$top=1000");
        Assert.Equal(25, listed.Count);
        Assert.DoesNotContain(ids[0], listed);
        Assert.Equal(ids.Skip(1).Reverse(), listed);
    }

    [Fact]
    public async Task Add_OfA26thIModel_KeepsAReusedIModelThatMovedToTheFront()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(26);
        await user.AddAllAsync(ids.Take(25));

        await user.AddAllAsync(ids[0], ids[25]);

        var listed = await user.ListIdsAsync(directory.ITwinId, "$top=1000");
        Assert.Equal(25, listed.Count);
        Assert.Equal([ids[25], ids[0]], listed.Take(2));
        Assert.DoesNotContain(ids[1], listed);
    }

    [Fact]
    public async Task List_OfAUserWithSeveralITwins_IsOneListFilteredByITwin()
    {
        var user = fixture.NewUser();
        var first = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var second = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var inFirst = await first.AddIModelsAsync(2);
        var inSecond = await second.AddIModelsAsync(2);

        await user.AddAllAsync(inFirst[0], inSecond[0], inFirst[1], inSecond[1]);

        Assert.Equal([inFirst[1], inFirst[0]], await user.ListIdsAsync(first.ITwinId));
        Assert.Equal([inSecond[1], inSecond[0]], await user.ListIdsAsync(second.ITwinId));
    }

    [Fact]
    public async Task Capacity_Of25_IsSharedAcrossITwins()
    {
        var user = fixture.NewUser();
        var first = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var second = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var inFirst = await first.AddIModelAsync();
        var inSecond = await second.AddIModelsAsync(25);

        await user.AddAllAsync(inFirst);
        await user.AddAllAsync(inSecond);

        Assert.Empty(await user.ListIdsAsync(first.ITwinId));
        Assert.Equal(25, (await user.ListIdsAsync(second.ITwinId, "$top=1000")).Count);
    }

    [Fact]
    public async Task List_Empty_Is200WithNoItemsAndNoPrevOrNext()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();

        var page = await user.ListBodyAsync(directory.ITwinId);

        Assert.Empty(page.GetProperty("iModels").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("_links").GetProperty("prev").ValueKind);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("_links").GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task List_OfTwoUsers_NeverShowsTheOthersRecents()
    {
        var alice = fixture.NewUser("alice");
        var bob = fixture.NewUser("bob");
        var directory = await fixture.NewDirectory().WithViewer(alice.Id).WithViewer(bob.Id).SaveAsync();
        var alicesIModels = await directory.AddIModelsAsync(2);
        var bobsIModel = await directory.AddIModelAsync();

        await alice.AddAllAsync(alicesIModels);
        await bob.AddAllAsync(bobsIModel);

        Assert.Equal([bobsIModel], await bob.ListIdsAsync(directory.ITwinId));
        Assert.Equal(alicesIModels.Reverse(), await alice.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task UserIds_DifferingOnlyInCharactersStorageKeysRewrite_KeepSeparateLists()
    {
        var suffix = Guid.NewGuid().ToString("N");
        var slash = fixture.UserWithId($"team/{suffix}");
        var hash = fixture.UserWithId($"team#{suffix}");
        var question = fixture.UserWithId($"team?{suffix}");
        var directory = await fixture.NewDirectory().WithViewer(slash.Id).WithViewer(hash.Id).WithViewer(question.Id).SaveAsync();
        var ids = await directory.AddIModelsAsync(3);

        await slash.AddAllAsync(ids[0]);
        await hash.AddAllAsync(ids[1]);
        await question.AddAllAsync(ids[2]);

        Assert.Equal([ids[0]], await slash.ListIdsAsync(directory.ITwinId));
        Assert.Equal([ids[1]], await hash.ListIdsAsync(directory.ITwinId));
        Assert.Equal([ids[2]], await question.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Add_ConcurrentlyByOneUser_KeepsEveryAdd()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(12);

        var responses = await Task.WhenAll(ids.Select(id => user.AddAsync(id)));
        foreach (var response in responses)
        {
            using (response)
            {
                await ApiAssert.NoContentAsync(response);
            }
        }

        var listed = await user.ListIdsAsync(directory.ITwinId);
        Assert.Equal(ids.Order(), listed.Order());
    }

    // ---- DELETE --------------------------------------------------------------------------------

    [Fact]
    public async Task Remove_OfAListedIModel_Is204AndRemovesOnlyIt()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(3);
        await user.AddAllAsync(ids);

        using var response = await user.RemoveAsync(ids[1]);

        await ApiAssert.NoContentAsync(response);
        Assert.Equal([ids[2], ids[0]], await user.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Remove_OfAnIModelNotListed_Is204()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var listed = await directory.AddIModelAsync();
        var neverAdded = await directory.AddIModelAsync();
        await user.AddAllAsync(listed);

        using (var first = await user.RemoveAsync(listed))
        {
            await ApiAssert.NoContentAsync(first);
        }

        using (var again = await user.RemoveAsync(listed))
        {
            await ApiAssert.NoContentAsync(again);
        }

        using (var absent = await user.RemoveAsync(neverAdded))
        {
            await ApiAssert.NoContentAsync(absent);
        }

        Assert.Empty(await user.ListIdsAsync(directory.ITwinId));
    }

    // ---- POST and DELETE: iModelNotFound ---------------------------------------------------------

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("12345")]
    [InlineData("00000000-0000-0000-0000-00000000000g")]
    public async Task AddAndRemove_OfANonGuidId_Are404IModelNotFound(string id)
    {
        var user = fixture.NewUser();

        using var added = await user.AddAsync(id);
        await AssertIModelNotFoundAsync(added);
        using var removed = await user.RemoveAsync(id);
        await AssertIModelNotFoundAsync(removed);
    }

    [Fact]
    public async Task AddAndRemove_OfAnUnknownIModel_Are404IModelNotFound()
    {
        var user = fixture.NewUser();

        using var added = await user.AddAsync(Guid.NewGuid());
        await AssertIModelNotFoundAsync(added);
        using var removed = await user.RemoveAsync(Guid.NewGuid());
        await AssertIModelNotFoundAsync(removed);
    }

    [Fact]
    public async Task AddAndRemove_OfAnIModelTheCallerMayNotView_Are404IModelNotFound()
    {
        var outsider = fixture.NewUser("outsider");
        var directory = await fixture.NewDirectory().WithViewer(fixture.NewUser().Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();

        using var added = await outsider.AddAsync(iModelId);
        await AssertIModelNotFoundAsync(added);
        using var removed = await outsider.RemoveAsync(iModelId);
        await AssertIModelNotFoundAsync(removed);
    }

    [Fact]
    public async Task Add_Refused_LeavesTheListUnchanged()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var listed = await directory.AddIModelAsync();
        await user.AddAllAsync(listed);

        using var refused = await user.AddAsync(Guid.NewGuid());
        await AssertIModelNotFoundAsync(refused);

        Assert.Equal([listed], await user.ListIdsAsync(directory.ITwinId));
    }

    // ---- GET: 422 and 404 -----------------------------------------------------------------------

    [Theory]
    [InlineData("")]
    [InlineData("iTwinId=")]
    [InlineData("$top=10")]
    public async Task List_WithoutITwinId_Is422MissingRequiredParameter(string query)
    {
        var user = fixture.NewUser();

        using var response = await user.ListAsync(query);

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "InvalidiModelsRequest");
        ApiAssert.HasDetail(error, "MissingRequiredParameter", "iTwinId");
        Assert.Single(error.Details());
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("123")]
    public async Task List_WithANonGuidITwinId_Is422InvalidValue(string iTwinId)
    {
        var user = fixture.NewUser();

        using var response = await user.ListAsync($"iTwinId={iTwinId}");

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "InvalidiModelsRequest");
        ApiAssert.HasDetail(error, "InvalidValue", "iTwinId");
        Assert.Single(error.Details());
    }

    [Theory]
    [InlineData("$top", "0")]
    [InlineData("$top", "1001")]
    [InlineData("$top", "abc")]
    [InlineData("$top", "-1")]
    [InlineData("$top", "1.5")]
    [InlineData("$skip", "-1")]
    [InlineData("$skip", "abc")]
    [InlineData("$top", "5\u0000")]
    [InlineData("$skip", "1\u0000")]
    [InlineData("$top", "+5")]
    [InlineData("$orderBy", "foo")]
    [InlineData("$orderBy", "name sideways")]
    [InlineData("$orderBy", "displayName")]
    public async Task List_WithAParameterOutOfRange_Is422InvalidValueNamingIt(string parameter, string value)
    {
        var (user, directory) = await ViewerOfNewITwinAsync();

        using var response = await user.ListAsync(directory.ITwinId, $"{parameter}={Uri.EscapeDataString(value)}");

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "InvalidiModelsRequest");
        var detail = Assert.Single(error.Details());
        Assert.Equal("InvalidValue", detail.GetProperty("code").GetString());
        Assert.Equal(parameter, detail.Target());
    }

    [Fact]
    public async Task List_WithSeveralBadParameters_NamesEachOfThem()
    {
        var user = fixture.NewUser();

        using var response = await user.ListAsync("iTwinId=nope&$top=0&$skip=-1&$orderBy=foo");

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "InvalidiModelsRequest");
        ApiAssert.HasDetail(error, "InvalidValue", "iTwinId");
        ApiAssert.HasDetail(error, "InvalidValue", "$top");
        ApiAssert.HasDetail(error, "InvalidValue", "$skip");
        ApiAssert.HasDetail(error, "InvalidValue", "$orderBy");
        Assert.Equal(4, error.Details().Count);
    }

    [Fact]
    public async Task List_WithoutITwinIdAndWithABadTop_NamesBoth()
    {
        var user = fixture.NewUser();

        using var response = await user.ListAsync("$top=1001");

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "InvalidiModelsRequest");
        ApiAssert.HasDetail(error, "MissingRequiredParameter", "iTwinId");
        ApiAssert.HasDetail(error, "InvalidValue", "$top");
    }

    [Theory]
    [InlineData("$top=1")]
    [InlineData("$top=1000")]
    [InlineData("$skip=0")]
    [InlineData("$orderBy=name")]
    [InlineData("$orderBy=name%20asc")]
    [InlineData("$orderBy=name%20desc")]
    [InlineData("$orderBy=createdDateTime")]
    [InlineData("$orderBy=createdDateTime%20desc")]
    public async Task List_WithParametersInRange_IsAccepted(string parameter)
    {
        var (user, directory) = await ViewerOfNewITwinAsync();

        using var response = await user.ListAsync(directory.ITwinId, parameter);

        await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task List_OfAnUnknownITwin_Is404ITwinNotFound()
    {
        var user = fixture.NewUser();

        using var response = await user.ListAsync(Guid.NewGuid());

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "iTwinNotFound");
        Assert.Equal(ITwinNotFoundMessage, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task List_OfAnITwinTheCallerIsNotAMemberOf_Is404ITwinNotFound()
    {
        var outsider = fixture.NewUser("outsider");
        var directory = await fixture.NewDirectory().WithViewer(fixture.NewUser().Id).SaveAsync();
        await directory.AddIModelAsync();

        using var response = await outsider.ListAsync(directory.ITwinId);

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "iTwinNotFound");
        Assert.Equal(ITwinNotFoundMessage, error.GetProperty("message").GetString());
    }

    // ---- GET: representations --------------------------------------------------------------------

    [Theory]
    [InlineData(null)]
    [InlineData("return=minimal")]
    [InlineData("respond-async")]
    [InlineData("return=something-else")]
    public async Task List_MinimalItems_AreExactlyIdAndDisplayName(string? prefer)
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync(new IModelSpec { Name = "Bridge model", Description = "A bridge" });
        await user.AddAllAsync(iModelId);

        var page = await user.ListBodyAsync(
            directory.ITwinId, configure: prefer is null ? null : ApiClient.Header("Prefer", prefer));

        var item = Assert.Single(page.GetProperty("iModels").EnumerateArray());
        Assert.Equal(["displayName", "id"], item.PropertyNames());
        Assert.Equal(iModelId, item.GetProperty("id").GetGuid());
        Assert.Equal("Bridge model", item.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task List_PageBody_HasExactlyIModelsAndLinks()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        await user.AddAllAsync(await directory.AddIModelAsync());

        var page = await user.ListBodyAsync(directory.ITwinId);

        Assert.Equal(["_links", "iModels"], page.PropertyNames());
        Assert.Equal(["next", "prev", "self"], page.GetProperty("_links").PropertyNames());
    }

    [Fact]
    public async Task List_RepresentationItems_CarryEveryFieldOfTheIModel()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync(new IModelSpec
        {
            Name = "Plant model",
            Description = "Cooling tower",
            State = "notInitialized",
            CreatedDateTime = "2024-03-05T10:20:30+02:00",
            Extent = new GeoExtent(-12.5, 45.25, 13.75, 46.5),
            DataCenterLocation = "West Europe",
        });
        await user.AddAllAsync(iModelId);

        var page = await user.ListBodyAsync(directory.ITwinId, configure: ApiClient.Header("Prefer", "return=representation"));

        var item = Assert.Single(page.GetProperty("iModels").EnumerateArray());
        Assert.Equal(
            ["createdDateTime", "dataCenterLocation", "description", "displayName", "extent", "iTwinId", "id", "isSecured", "name", "state"],
            item.PropertyNames());
        Assert.Equal(iModelId, item.GetProperty("id").GetGuid());
        Assert.Equal("Plant model", item.GetProperty("displayName").GetString());
        Assert.Equal("Plant model", item.GetProperty("name").GetString());
        Assert.Equal("Cooling tower", item.GetProperty("description").GetString());
        Assert.Equal("notInitialized", item.GetProperty("state").GetString());
        AssertUtcTimestamp(new DateTimeOffset(2024, 3, 5, 8, 20, 30, TimeSpan.Zero), item.GetProperty("createdDateTime"));
        Assert.Equal(directory.ITwinId, item.GetProperty("iTwinId").GetGuid());
        Assert.False(item.GetProperty("isSecured").GetBoolean());
        var extent = item.GetProperty("extent");
        Assert.Equal(["northEast", "southWest"], extent.PropertyNames());
        Assert.Equal(["latitude", "longitude"], extent.GetProperty("southWest").PropertyNames());
        Assert.Equal(-12.5, extent.GetProperty("southWest").GetProperty("latitude").GetDouble());
        Assert.Equal(45.25, extent.GetProperty("southWest").GetProperty("longitude").GetDouble());
        Assert.Equal(13.75, extent.GetProperty("northEast").GetProperty("latitude").GetDouble());
        Assert.Equal(46.5, extent.GetProperty("northEast").GetProperty("longitude").GetDouble());
        Assert.Equal("West Europe", item.GetProperty("dataCenterLocation").GetString());
    }

    [Theory]
    [InlineData("return=representation")]
    [InlineData("handling=lenient, return=representation")]
    [InlineData("respond-async,return=representation")]
    public async Task List_RepresentationAmongOtherPreferences_IsRecognised(string prefer)
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        await user.AddAllAsync(await directory.AddIModelAsync());

        var page = await user.ListBodyAsync(directory.ITwinId, configure: ApiClient.Header("Prefer", prefer));

        var item = Assert.Single(page.GetProperty("iModels").EnumerateArray());
        Assert.True(item.TryGetProperty("createdDateTime", out _), $"Not a full representation: {item}");
        Assert.True(item.TryGetProperty("iTwinId", out _), $"Not a full representation: {item}");
    }

    [Fact]
    public async Task List_Representation_WritesNullDescriptionAndExtentAndInitializedState()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync(new IModelSpec { Description = null, Extent = null, State = "initialized" });
        await user.AddAllAsync(iModelId);

        var page = await user.ListBodyAsync(directory.ITwinId, configure: ApiClient.Header("Prefer", "return=representation"));

        var item = Assert.Single(page.GetProperty("iModels").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("description").ValueKind);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("extent").ValueKind);
        Assert.Equal("initialized", item.GetProperty("state").GetString());
    }

    [Fact]
    public async Task List_RepresentationOfASecuredIModel_SaysIsSecured()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var byUser = await directory.AddIModelAsync(new IModelSpec { UserPermissions = [new(user.Id, DirectoryBuilder.View)] });
        var byRole = await directory.AddIModelAsync(new IModelSpec { RolePermissions = [new(directory.ViewerRoleId, DirectoryBuilder.View)] });
        var open = await directory.AddIModelAsync();
        await user.AddAllAsync(byUser, byRole, open);

        var page = await user.ListBodyAsync(directory.ITwinId, configure: ApiClient.Header("Prefer", "return=representation"));

        var secured = page.GetProperty("iModels").EnumerateArray()
            .ToDictionary(item => item.GetProperty("id").GetGuid(), item => item.GetProperty("isSecured").GetBoolean());
        Assert.Equal(new Dictionary<Guid, bool> { [byUser] = true, [byRole] = true, [open] = false }, secured);
    }

    [Fact]
    public async Task List_Representation_ShowsTheDirectoryAsItIsAtTheTimeOfTheGet()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync(new IModelSpec { Name = "Before", State = "notInitialized" });
        await user.AddAllAsync(iModelId);

        await directory.UpdateIModelAsync(iModelId, new IModelSpec { Name = "After", State = "initialized", DataCenterLocation = "Japan East" });

        var page = await user.ListBodyAsync(directory.ITwinId, configure: ApiClient.Header("Prefer", "return=representation"));
        var item = Assert.Single(page.GetProperty("iModels").EnumerateArray());
        Assert.Equal("After", item.GetProperty("name").GetString());
        Assert.Equal("After", item.GetProperty("displayName").GetString());
        Assert.Equal("initialized", item.GetProperty("state").GetString());
        Assert.Equal("Japan East", item.GetProperty("dataCenterLocation").GetString());
        var minimal = await user.ListBodyAsync(directory.ITwinId);
        Assert.Equal("After", Assert.Single(minimal.GetProperty("iModels").EnumerateArray()).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task IModel_PutInAnotherITwin_StaysListedUnderItsITwin()
    {
        var user = fixture.NewUser();
        var before = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var after = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var iModelId = await before.AddIModelAsync();
        await user.AddAllAsync(iModelId);

        using var moved = await fixture.Admin().PutAsync(AdminApi.IModels, iModelId, new IModelSpec().ToJson(after.ITwinId));

        var error = await ApiAssert.ErrorAsync(moved, HttpStatusCode.UnprocessableEntity, "InvalidRequestBody");
        ApiAssert.HasDetail(error, "InvalidValue", "iTwinId");
        Assert.Equal([iModelId], await user.ListIdsAsync(before.ITwinId));
        Assert.Empty(await user.ListIdsAsync(after.ITwinId));
    }

    [Fact]
    public async Task DeletedIModelId_StoredInAnotherITwin_IsRefused()
    {
        var home = await fixture.NewDirectory().SaveAsync();
        var elsewhere = await fixture.NewDirectory().SaveAsync();
        var iModelId = await home.AddIModelAsync();
        await fixture.Admin().DeleteIModelExpectingSuccessAsync(iModelId);

        using var moved = await fixture.Admin().PutAsync(AdminApi.IModels, iModelId, new IModelSpec().ToJson(elsewhere.ITwinId));
        var error = await ApiAssert.ErrorAsync(moved, HttpStatusCode.UnprocessableEntity, "InvalidRequestBody");
        ApiAssert.HasDetail(error, "InvalidValue", "iTwinId");

        await fixture.Admin().StoreIModelAsync(iModelId, home.ITwinId, new IModelSpec());
    }

    // ---- GET: ordering -------------------------------------------------------------------------

    [Theory]
    [InlineData("name", new[] { "alpha", "Bravo", "charlie", "delta" })]
    [InlineData("name asc", new[] { "alpha", "Bravo", "charlie", "delta" })]
    [InlineData("name desc", new[] { "delta", "charlie", "Bravo", "alpha" })]
    [InlineData("createdDateTime", new[] { "charlie", "alpha", "delta", "Bravo" })]
    [InlineData("createdDateTime asc", new[] { "charlie", "alpha", "delta", "Bravo" })]
    [InlineData("createdDateTime desc", new[] { "Bravo", "delta", "alpha", "charlie" })]
    public async Task List_WithOrderBy_IsSorted(string orderBy, string[] expectedNames)
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        await AddNamedAsync(user, directory);

        var page = await user.ListBodyAsync(directory.ITwinId, $"$orderBy={Uri.EscapeDataString(orderBy)}");

        Assert.Equal(expectedNames, DisplayNames(page));
    }

    [Fact]
    public async Task List_WithoutOrderBy_IsMostRecentlyUsedFirstWhateverTheNamesAndDates()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        await AddNamedAsync(user, directory);

        var page = await user.ListBodyAsync(directory.ITwinId);

        Assert.Equal(["Bravo", "charlie", "alpha", "delta"], DisplayNames(page));
    }

    [Fact]
    public async Task List_WithOrderBySkipAndTop_SortsFirst()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        await AddNamedAsync(user, directory);

        var page = await user.ListBodyAsync(directory.ITwinId, "$orderBy=name&$skip=1&$top=2");

        Assert.Equal(["Bravo", "charlie"], DisplayNames(page));
    }

    // ---- GET: paging ---------------------------------------------------------------------------

    [Fact]
    public async Task List_WithTopAndSkip_IsAWindowOfTheList()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(5);
        await user.AddAllAsync(ids);
        var mostRecentFirst = ids.Reverse().ToList();

        Assert.Equal(mostRecentFirst.Take(2), await user.ListIdsAsync(directory.ITwinId, "$top=2"));
        Assert.Equal(mostRecentFirst.Skip(2).Take(2), await user.ListIdsAsync(directory.ITwinId, "$top=2&$skip=2"));
        Assert.Equal(mostRecentFirst.Skip(3), await user.ListIdsAsync(directory.ITwinId, "$skip=3"));
        Assert.Empty(await user.ListIdsAsync(directory.ITwinId, "$skip=5"));
    }

    [Fact]
    public async Task Links_OfPagesOfAList_AreAbsoluteWithNoPrevFirstAndNoNextLast()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        await user.AddAllAsync(await directory.AddIModelsAsync(3));

        var first = (await user.ListBodyAsync(directory.ITwinId, "$top=2")).GetProperty("_links");
        var last = (await user.ListBodyAsync(directory.ITwinId, "$top=2&$skip=2")).GetProperty("_links");

        var self = AssertLinkOnThisServer(first.GetProperty("self"));
        Assert.Equal("/imodels/recents", self.AbsolutePath);
        Assert.Equal(directory.ITwinId.ToString(), QueryValue(self, "iTwinId"));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("prev").ValueKind);
        var next = AssertLinkOnThisServer(first.GetProperty("next"));
        Assert.Equal("/imodels/recents", next.AbsolutePath);
        Assert.Equal(directory.ITwinId.ToString(), QueryValue(next, "iTwinId"));
        Assert.Equal("2", QueryValue(next, "$skip"));
        Assert.Equal("2", QueryValue(next, "$top"));

        Assert.Equal(JsonValueKind.Null, last.GetProperty("next").ValueKind);
        var prev = AssertLinkOnThisServer(last.GetProperty("prev"));
        Assert.Equal("0", QueryValue(prev, "$skip") ?? "0");
        Assert.Equal("2", QueryValue(prev, "$top"));
        AssertLinkOnThisServer(last.GetProperty("self"));
    }

    [Fact]
    public async Task Links_OfASinglePage_HaveNeitherPrevNorNext()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        await user.AddAllAsync(await directory.AddIModelsAsync(3));

        var links = (await user.ListBodyAsync(directory.ITwinId)).GetProperty("_links");

        AssertLinkOnThisServer(links.GetProperty("self"));
        Assert.Equal(JsonValueKind.Null, links.GetProperty("prev").ValueKind);
        Assert.Equal(JsonValueKind.Null, links.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Next_FollowedUntilNull_SeesEveryEntryExactlyOnceInOrder()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(7);
        await user.AddAllAsync(ids);

        var seen = await FollowNextAsync(user, $"/imodels/recents?iTwinId={directory.ITwinId}&$top=3");

        Assert.Equal(ids.Reverse(), seen);
    }

    [Fact]
    public async Task Next_PagingParametersInUpperCase_IsFollowedAllTheSame()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(5);
        await user.AddAllAsync(ids);

        var seen = await FollowNextAsync(user, $"/imodels/recents?iTwinId={directory.ITwinId}&$TOP=2");

        Assert.Equal(ids.Reverse(), seen);
    }

    [Fact]
    public async Task Links_WithTheLargestSkip_HaveNoNext()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        await user.AddAllAsync(await directory.AddIModelsAsync(2));

        var page = await user.ListBodyAsync(directory.ITwinId, $"$skip={int.MaxValue}&$top=1000");

        Assert.Empty(page.GetProperty("iModels").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("_links").GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Next_WithOrderByAndRepresentation_RepeatsTheOrderByOnly()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        await AddNamedAsync(user, directory);

        var seen = new List<string?>();
        string? href = $"/imodels/recents?iTwinId={directory.ITwinId}&$orderBy=name%20desc&$top=1";
        var pages = 0;
        while (href is not null)
        {
            Assert.True(++pages <= 10, "next links never ended");
            using var response = await fixture.Api().SendAsync(HttpMethod.Get, href, user.Token);
            var page = await ApiAssert.JsonAsync(response);
            seen.AddRange(DisplayNames(page));
            var next = page.GetProperty("_links").GetProperty("next");
            href = next.ValueKind == JsonValueKind.Null ? null : AssertLinkOnThisServer(next).ToString();
            if (href is not null)
            {
                Assert.Equal("name desc", QueryValue(new Uri(href), "$orderBy"));
            }
        }

        Assert.Equal(["delta", "charlie", "Bravo", "alpha"], seen);
    }

    [Fact]
    public async Task Links_WithUntrustedForwardedHeaders_AreUnchanged()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        await user.AddAllAsync(await directory.AddIModelsAsync(2));

        var page = await user.ListBodyAsync(directory.ITwinId, "$top=1", request =>
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "attacker.example");
            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        });

        AssertLinkOnThisServer(page.GetProperty("_links").GetProperty("self"));
        AssertLinkOnThisServer(page.GetProperty("_links").GetProperty("next"));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private async Task<(RecentsUser User, DirectoryBuilder Directory)> ViewerOfNewITwinAsync()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        return (user, directory);
    }

    /// <summary>
    /// Four iModels whose name order (case-insensitive: alpha, Bravo, charlie, delta), creation order (charlie,
    /// alpha, delta, Bravo) and most-recently-used order (Bravo, charlie, alpha, delta) all differ.
    /// </summary>
    private static async Task AddNamedAsync(RecentsUser user, DirectoryBuilder directory)
    {
        var alpha = await directory.AddIModelAsync(new IModelSpec { Name = "alpha", CreatedDateTime = "2024-02-01T00:00:00Z" });
        var bravo = await directory.AddIModelAsync(new IModelSpec { Name = "Bravo", CreatedDateTime = "2024-04-01T00:00:00Z" });
        var charlie = await directory.AddIModelAsync(new IModelSpec { Name = "charlie", CreatedDateTime = "2024-01-01T00:00:00Z" });
        var delta = await directory.AddIModelAsync(new IModelSpec { Name = "delta", CreatedDateTime = "2024-03-01T00:00:00Z" });

        // Most recently used first: Bravo, charlie, alpha, delta.
        await user.AddAllAsync(delta, alpha, charlie, bravo);
    }

    private static IReadOnlyList<string?> DisplayNames(JsonElement page) =>
        page.GetProperty("iModels").EnumerateArray().Select(item => item.GetProperty("displayName").GetString()).ToList();

    private async Task<IReadOnlyList<Guid>> FollowNextAsync(RecentsUser user, string firstHref)
    {
        var seen = new List<Guid>();
        string? href = firstHref;
        var pages = 0;
        while (href is not null)
        {
            Assert.True(++pages <= 20, "next links never ended");
            using var response = await fixture.Api().SendAsync(HttpMethod.Get, href, user.Token);
            var page = await ApiAssert.JsonAsync(response);
            seen.AddRange(RecentsUser.IdsOf(page));
            var next = page.GetProperty("_links").GetProperty("next");
            href = next.ValueKind == JsonValueKind.Null ? null : AssertLinkOnThisServer(next).ToString();
        }

        return seen;
    }

    private Uri AssertLinkOnThisServer(JsonElement link)
    {
        Assert.Equal(JsonValueKind.Object, link.ValueKind);
        var href = link.GetProperty("href").GetString();
        Assert.True(Uri.TryCreate(href, UriKind.Absolute, out var uri), $"'{href}' is not an absolute URL.");
        var server = fixture.Api().BaseAddress;
        Assert.Equal(server.Scheme, uri.Scheme);
        Assert.Equal(server.Port, uri.Port);
        Assert.Contains(uri.Host, new[] { server.Host, "localhost", "127.0.0.1" });
        return uri;
    }

    private static string? QueryValue(Uri uri, string name) =>
        uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => Uri.UnescapeDataString(pair[0]) == name)
            .Select(pair => pair.Length == 2 ? Uri.UnescapeDataString(pair[1].Replace('+', ' ')) : "")
            .SingleOrDefault();

    private static void AssertUtcTimestamp(DateTimeOffset expected, JsonElement value)
    {
        var text = value.GetString() ?? "";
        Assert.Matches(UtcTimestamp(), text);
        Assert.Equal(expected, DateTimeOffset.Parse(text, CultureInfo.InvariantCulture));
    }

    private static async Task AssertIModelNotFoundAsync(HttpResponseMessage response)
    {
        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "iModelNotFound");
        Assert.Equal(IModelNotFoundMessage, error.GetProperty("message").GetString());
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")]
    private static partial Regex UtcTimestamp();
}
