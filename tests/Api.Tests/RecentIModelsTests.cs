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
    public async Task Add_without_a_body_is_204_with_no_body()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync();

        using var response = await user.AddAsync(iModelId);

        await ApiAssert.NoContentAsync(response);
        Assert.Equal([iModelId], await user.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Add_with_an_empty_JSON_object_body_is_204()
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
    public async Task Add_ignores_any_body_and_content_type(string mediaType, string body)
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync();

        using var response = await user.AddAsync(iModelId, ApiClient.Body(body, mediaType));

        await ApiAssert.NoContentAsync(response);
        Assert.Equal([iModelId], await user.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Add_accepts_the_id_in_upper_case()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync();

        using var response = await user.AddAsync(iModelId.ToString().ToUpperInvariant());

        await ApiAssert.NoContentAsync(response);
        Assert.Equal([iModelId], await user.ListIdsAsync(directory.ITwinId));
    }

    // ---- POST and GET: the list ------------------------------------------------------------------

    [Fact]
    public async Task List_is_most_recently_used_first()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(4);

        await user.AddAllAsync(ids);

        Assert.Equal(ids.Reverse(), await user.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Adding_an_iModel_again_moves_it_to_the_front_without_duplicating_it()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(3);
        await user.AddAllAsync(ids);

        await user.AddAllAsync(ids[0]);

        Assert.Equal([ids[0], ids[2], ids[1]], await user.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Adding_the_front_iModel_again_keeps_the_list_unchanged()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(2);
        await user.AddAllAsync(ids);

        await user.AddAllAsync(ids[1]);

        Assert.Equal([ids[1], ids[0]], await user.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task The_26th_add_drops_the_least_recently_used_iModel()
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
    public async Task A_reused_iModel_survives_eviction_because_it_moved_to_the_front()
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
    public async Task The_list_is_one_per_user_across_iTwins_and_GET_filters_by_iTwin()
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
    public async Task The_capacity_of_25_is_shared_across_iTwins()
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
    public async Task Empty_list_is_200_with_no_items_and_no_prev_or_next()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();

        var page = await user.ListBodyAsync(directory.ITwinId);

        Assert.Empty(page.GetProperty("iModels").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("_links").GetProperty("prev").ValueKind);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("_links").GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Users_never_see_each_others_recents()
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
    public async Task User_ids_that_differ_only_in_characters_storage_keys_rewrite_keep_separate_lists()
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
    public async Task Concurrent_adds_by_one_user_are_all_kept()
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
    public async Task Remove_of_a_listed_iModel_is_204_and_removes_only_it()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(3);
        await user.AddAllAsync(ids);

        using var response = await user.RemoveAsync(ids[1]);

        await ApiAssert.NoContentAsync(response);
        Assert.Equal([ids[2], ids[0]], await user.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Remove_is_idempotent_204_when_the_iModel_is_not_in_the_list()
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
    public async Task Add_and_remove_of_a_non_GUID_id_are_404_iModelNotFound(string id)
    {
        var user = fixture.NewUser();

        using var added = await user.AddAsync(id);
        await AssertIModelNotFoundAsync(added);
        using var removed = await user.RemoveAsync(id);
        await AssertIModelNotFoundAsync(removed);
    }

    [Fact]
    public async Task Add_and_remove_of_an_unknown_iModel_are_404_iModelNotFound()
    {
        var user = fixture.NewUser();

        using var added = await user.AddAsync(Guid.NewGuid());
        await AssertIModelNotFoundAsync(added);
        using var removed = await user.RemoveAsync(Guid.NewGuid());
        await AssertIModelNotFoundAsync(removed);
    }

    [Fact]
    public async Task Add_and_remove_of_an_iModel_the_caller_may_not_view_are_404_iModelNotFound()
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
    public async Task A_refused_add_leaves_the_list_unchanged()
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
    public async Task List_without_iTwinId_is_422_MissingRequiredParameter(string query)
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
    public async Task List_with_a_non_GUID_iTwinId_is_422_InvalidValue(string iTwinId)
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
    public async Task List_with_an_out_of_range_parameter_is_422_InvalidValue_naming_it(string parameter, string value)
    {
        var (user, directory) = await ViewerOfNewITwinAsync();

        using var response = await user.ListAsync(directory.ITwinId, $"{parameter}={Uri.EscapeDataString(value)}");

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "InvalidiModelsRequest");
        var detail = Assert.Single(error.Details());
        Assert.Equal("InvalidValue", detail.GetProperty("code").GetString());
        Assert.Equal(parameter, detail.Target());
    }

    [Fact]
    public async Task List_with_several_bad_parameters_names_each_of_them()
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
    public async Task List_with_a_missing_iTwinId_and_a_bad_top_names_both()
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
    public async Task List_accepts_parameters_in_range(string parameter)
    {
        var (user, directory) = await ViewerOfNewITwinAsync();

        using var response = await user.ListAsync(directory.ITwinId, parameter);

        await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task List_of_an_unknown_iTwin_is_404_iTwinNotFound()
    {
        var user = fixture.NewUser();

        using var response = await user.ListAsync(Guid.NewGuid());

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "iTwinNotFound");
        Assert.Equal(ITwinNotFoundMessage, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task List_of_an_iTwin_the_caller_is_not_a_member_of_is_404_iTwinNotFound()
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
    public async Task Minimal_items_are_exactly_id_and_displayName(string? prefer)
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
    public async Task Page_body_has_exactly_iModels_and_links()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        await user.AddAllAsync(await directory.AddIModelAsync());

        var page = await user.ListBodyAsync(directory.ITwinId);

        Assert.Equal(["_links", "iModels"], page.PropertyNames());
        Assert.Equal(["next", "prev", "self"], page.GetProperty("_links").PropertyNames());
    }

    [Fact]
    public async Task Representation_items_carry_every_field_of_the_iModel()
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
    public async Task Representation_is_recognised_among_other_preferences(string prefer)
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        await user.AddAllAsync(await directory.AddIModelAsync());

        var page = await user.ListBodyAsync(directory.ITwinId, configure: ApiClient.Header("Prefer", prefer));

        var item = Assert.Single(page.GetProperty("iModels").EnumerateArray());
        Assert.True(item.TryGetProperty("createdDateTime", out _), $"Not a full representation: {item}");
        Assert.True(item.TryGetProperty("iTwinId", out _), $"Not a full representation: {item}");
    }

    [Fact]
    public async Task Representation_writes_null_description_and_extent_and_initialized_state()
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
    public async Task Representation_says_isSecured_when_iModel_permissions_are_configured()
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
    public async Task Representation_shows_the_directory_as_it_is_at_the_time_of_the_GET()
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
    public async Task An_iModel_cannot_move_to_another_iTwin_so_its_recents_entry_stays_listed_under_its_iTwin()
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
    public async Task A_deleted_iModel_id_cannot_be_stored_again_in_another_iTwin()
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
    public async Task OrderBy_sorts_the_list(string orderBy, string[] expectedNames)
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        await AddNamedAsync(user, directory);

        var page = await user.ListBodyAsync(directory.ITwinId, $"$orderBy={Uri.EscapeDataString(orderBy)}");

        Assert.Equal(expectedNames, DisplayNames(page));
    }

    [Fact]
    public async Task Without_orderBy_the_list_is_most_recently_used_first_whatever_the_names_and_dates()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        await AddNamedAsync(user, directory);

        var page = await user.ListBodyAsync(directory.ITwinId);

        Assert.Equal(["Bravo", "charlie", "alpha", "delta"], DisplayNames(page));
    }

    [Fact]
    public async Task OrderBy_sorts_before_skip_and_top()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        await AddNamedAsync(user, directory);

        var page = await user.ListBodyAsync(directory.ITwinId, "$orderBy=name&$skip=1&$top=2");

        Assert.Equal(["Bravo", "charlie"], DisplayNames(page));
    }

    // ---- GET: paging ---------------------------------------------------------------------------

    [Fact]
    public async Task Top_and_skip_select_a_window_of_the_list()
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
    public async Task Links_are_absolute_urls_on_this_server_with_no_prev_on_the_first_page_and_no_next_on_the_last()
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
    public async Task A_single_page_has_neither_prev_nor_next()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        await user.AddAllAsync(await directory.AddIModelsAsync(3));

        var links = (await user.ListBodyAsync(directory.ITwinId)).GetProperty("_links");

        AssertLinkOnThisServer(links.GetProperty("self"));
        Assert.Equal(JsonValueKind.Null, links.GetProperty("prev").ValueKind);
        Assert.Equal(JsonValueKind.Null, links.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Following_next_until_null_sees_every_entry_exactly_once_in_order()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(7);
        await user.AddAllAsync(ids);

        var seen = await FollowNextAsync(user, $"/imodels/recents?iTwinId={directory.ITwinId}&$top=3");

        Assert.Equal(ids.Reverse(), seen);
    }

    [Fact]
    public async Task Following_next_works_when_the_caller_spells_the_paging_parameters_in_upper_case()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(5);
        await user.AddAllAsync(ids);

        var seen = await FollowNextAsync(user, $"/imodels/recents?iTwinId={directory.ITwinId}&$TOP=2");

        Assert.Equal(ids.Reverse(), seen);
    }

    [Fact]
    public async Task The_largest_skip_has_no_next_link()
    {
        var (user, directory) = await ViewerOfNewITwinAsync();
        await user.AddAllAsync(await directory.AddIModelsAsync(2));

        var page = await user.ListBodyAsync(directory.ITwinId, $"$skip={int.MaxValue}&$top=1000");

        Assert.Empty(page.GetProperty("iModels").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("_links").GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Next_links_repeat_the_orderBy_and_representation_needs_only_the_header()
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
    public async Task Forwarded_headers_do_not_change_the_links_unless_the_deployment_trusts_them()
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
