using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>Directory administration (docs/api.md#directory-administration): idempotent upserts, reads, deletion and 422 validation.</summary>
[Collection(RecentsApiCollection.Name)]
public sealed class AdminTests(RecentsApiFixture fixture)
{
    /// <summary>The id the gatekeeper reads in place of a missing entry, which no entry may have.</summary>
    private const string NilGuid = "00000000-0000-0000-0000-000000000000";

    private readonly AdminApi admin = fixture.Admin();

    // ---- round trips ----------------------------------------------------------------------------

    [Fact]
    public async Task Organization_PutThenGet_RoundTrips()
    {
        var id = Guid.NewGuid();
        var body = new JsonObject { ["administrators"] = new JsonArray("alice@example.com", "bob / ops", "ユーザー") };

        await admin.StoreAsync(AdminApi.Organizations, id, body);

        await AssertStoredAsync(AdminApi.Organizations, id, body);
    }

    [Fact]
    public async Task ITwin_PutThenGet_RoundTrips()
    {
        var id = Guid.NewGuid();
        var viewer = Guid.NewGuid();
        var manager = Guid.NewGuid();
        var body = new JsonObject
        {
            ["organizationId"] = Guid.NewGuid().ToString(),
            ["roles"] = new JsonArray(
                new JsonObject { ["id"] = viewer.ToString(), ["permissions"] = new JsonArray("imodels_webview") },
                new JsonObject { ["id"] = manager.ToString(), ["permissions"] = new JsonArray("imodels_webview", "imodels_manage") }),
            ["members"] = new JsonArray(
                new JsonObject { ["userId"] = "carol", ["roleIds"] = new JsonArray(viewer.ToString()) },
                new JsonObject { ["userId"] = "dave", ["roleIds"] = new JsonArray(viewer.ToString(), manager.ToString()) },
                new JsonObject { ["userId"] = "erin", ["roleIds"] = new JsonArray() }),
        };

        await admin.StoreAsync(AdminApi.ITwins, id, body);

        await AssertStoredAsync(AdminApi.ITwins, id, body);
    }

    [Fact]
    public async Task IModel_WithRolePermissionsAndEveryField_RoundTrips()
    {
        var id = Guid.NewGuid();
        var body = new IModelSpec
        {
            Name = "Round trip",
            Description = "All the fields",
            State = "notInitialized",
            CreatedDateTime = "2023-11-12T13:14:15Z",
            Extent = new GeoExtent(10.5, -20.25, 11.5, -19.75),
            DataCenterLocation = "Australia East",
            RolePermissions = [new(Guid.NewGuid(), "imodels_webview", "imodels_read")],
        }.ToJson(Guid.NewGuid());

        await admin.StoreAsync(AdminApi.IModels, id, body);

        await AssertStoredAsync(AdminApi.IModels, id, body);
    }

    [Fact]
    public async Task IModel_WithUserPermissionsAndNulls_RoundTrips()
    {
        var id = Guid.NewGuid();
        var body = new IModelSpec
        {
            Description = null,
            Extent = null,
            UserPermissions = [new("frank", "imodels_webview")],
        }.ToJson(Guid.NewGuid());

        await admin.StoreAsync(AdminApi.IModels, id, body);

        await AssertStoredAsync(AdminApi.IModels, id, body);
    }

    [Fact]
    public async Task Put_SecondOne_ReplacesTheFirstAndRepeatingItChangesNothing()
    {
        var id = Guid.NewGuid();
        await admin.StoreAsync(AdminApi.Organizations, id, new JsonObject { ["administrators"] = new JsonArray("first") });
        var replacement = new JsonObject { ["administrators"] = new JsonArray("second", "third") };

        await admin.StoreAsync(AdminApi.Organizations, id, replacement);
        await admin.StoreAsync(AdminApi.Organizations, id, replacement);

        await AssertStoredAsync(AdminApi.Organizations, id, replacement);
    }

    [Fact]
    public async Task IModel_SecuredThenMadeOpenAgain_RoundTripsWithoutPermissions()
    {
        var id = Guid.NewGuid();
        var iTwinId = Guid.NewGuid();
        await admin.StoreIModelAsync(id, iTwinId, new IModelSpec { UserPermissions = [new("gina", "imodels_webview")] });
        var open = new IModelSpec().ToJson(iTwinId);

        await admin.StoreAsync(AdminApi.IModels, id, open);

        await AssertStoredAsync(AdminApi.IModels, id, open);
    }

    // ---- 404 and DELETE -------------------------------------------------------------------------

    [Theory]
    [InlineData(AdminApi.Organizations)]
    [InlineData(AdminApi.ITwins)]
    [InlineData(AdminApi.IModels)]
    public async Task Get_UnknownResource_Is404(string resource)
    {
        using var response = await admin.GetAsync(resource, Guid.NewGuid());

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(AdminApi.Organizations)]
    [InlineData(AdminApi.ITwins)]
    [InlineData(AdminApi.IModels)]
    public async Task Get_NonGuidId_Is404(string resource)
    {
        using var response = await admin.GetAsync(resource, "not-a-guid");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(AdminApi.Organizations, """{"administrators": []}""")]
    [InlineData(AdminApi.ITwins, """{"organizationId": "0d9c1c55-7d6b-4d51-9a43-000000000000", "roles": [], "members": []}""")]
    public async Task Put_NonGuidId_IsRefusedInTheEnvelope(string resource, string body)
    {
        using var response = await admin.PutAsync(resource, "not-a-guid", body);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity });
        await ApiAssert.ErrorAsync(response, response.StatusCode);
    }

    [Theory]
    [InlineData(AdminApi.Organizations, """{"administrators": []}""", "OrganizationNotFound")]
    [InlineData(AdminApi.ITwins, """{"organizationId": "0d9c1c55-7d6b-4d51-9a43-000000000000", "roles": [], "members": []}""", "iTwinNotFound")]
    public async Task Put_NilGuidId_Is404(string resource, string body, string code)
    {
        using var response = await admin.PutAsync(resource, NilGuid, body);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, code);
    }

    [Fact]
    public async Task Put_IModelUnderTheNilGuid_Is404AndStoresNothing()
    {
        using var response = await admin.PutAsync(AdminApi.IModels, NilGuid, new IModelSpec().ToJson(Guid.NewGuid()).ToJsonString());

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "iModelNotFound");
        using var read = await admin.GetAsync(AdminApi.IModels, NilGuid);
        await ApiAssert.ErrorAsync(read, HttpStatusCode.NotFound, "iModelNotFound");
    }

    [Fact]
    public async Task Delete_OfAnIModel_Is204AndThenGetIs404()
    {
        var id = Guid.NewGuid();
        await admin.StoreIModelAsync(id, Guid.NewGuid(), new IModelSpec());

        using (var deleted = await admin.DeleteIModelAsync(id))
        {
            await ApiAssert.NoContentAsync(deleted);
        }

        using var response = await admin.GetAsync(AdminApi.IModels, id);
        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_OfAnUnknownIModel_Is204()
    {
        using var response = await admin.DeleteIModelAsync(Guid.NewGuid());

        await ApiAssert.NoContentAsync(response);
    }

    [Fact]
    public async Task Put_DeletedIModel_StoresItAgain()
    {
        var id = Guid.NewGuid();
        var body = new IModelSpec { Name = "Reborn" }.ToJson(Guid.NewGuid());
        await admin.StoreAsync(AdminApi.IModels, id, body);
        await admin.DeleteIModelExpectingSuccessAsync(id);

        await admin.StoreAsync(AdminApi.IModels, id, body);

        await AssertStoredAsync(AdminApi.IModels, id, body);
    }

    // ---- 422 --------------------------------------------------------------------------------------

    [Theory]
    [InlineData("{}", "administrators")]
    [InlineData("""{"administrators": null}""", "administrators")]
    [InlineData("""{"administrators": [""]}""", "administrators[0]")]
    [InlineData("""{"administrators": ["ok", null]}""", "administrators[1]")]
    public async Task Organization_WithABadField_Is422NamingIt(string body, string field)
    {
        var error = await PutExpectingInvalidBodyAsync(AdminApi.Organizations, body);

        ApiAssert.HasDetailNaming(error, field);
    }

    [Fact]
    public async Task Organization_AdministratorLongerThan128Characters_Is422()
    {
        var body = new JsonObject { ["administrators"] = new JsonArray(new string('a', 129)) }.ToJsonString();

        var error = await PutExpectingInvalidBodyAsync(AdminApi.Organizations, body);

        ApiAssert.HasDetailNaming(error, "administrators[0]");
    }

    [Theory]
    [InlineData("""{"organizationId": "not-a-guid", "roles": [], "members": []}""", "organizationId")]
    [InlineData("""{"roles": [], "members": []}""", "organizationId")]
    [InlineData("""{"organizationId": "00000000-0000-0000-0000-000000000000", "roles": [], "members": []}""", "organizationId")]
    [InlineData("""{"organizationId": "0d9c1c55-7d6b-4d51-9a43-000000000000", "members": []}""", "roles")]
    [InlineData("""{"organizationId": "0d9c1c55-7d6b-4d51-9a43-000000000000", "roles": []}""", "members")]
    [InlineData("""{"organizationId": "0d9c1c55-7d6b-4d51-9a43-000000000000", "roles": [{"id": "role-1", "permissions": ["imodels_webview"]}], "members": []}""", "roles[0].id")]
    [InlineData("""{"organizationId": "0d9c1c55-7d6b-4d51-9a43-000000000000", "roles": [], "members": [{"userId": "", "roleIds": []}]}""", "members[0].userId")]
    [InlineData("""{"organizationId": "0d9c1c55-7d6b-4d51-9a43-000000000000", "roles": [], "members": [{"userId": "ok", "roleIds": ["nope"]}]}""", "members[0].roleIds[0]")]
    public async Task ITwin_WithABadField_Is422NamingIt(string body, string field)
    {
        var error = await PutExpectingInvalidBodyAsync(AdminApi.ITwins, body);

        ApiAssert.HasDetailNaming(error, field);
    }

    [Theory]
    [InlineData("iTwinId", "not-a-guid")]
    [InlineData("iTwinId", null)]
    [InlineData("iTwinId", NilGuid)]
    [InlineData("name", null)]
    [InlineData("name", "")]
    [InlineData("state", "broken")]
    [InlineData("state", null)]
    [InlineData("createdDateTime", "yesterday")]
    [InlineData("createdDateTime", "01/02/2020")]
    [InlineData("createdDateTime", "2024-01-01")]
    [InlineData("createdDateTime", "Mon, 01 Jan 2024 00:00:00 GMT")]
    [InlineData("createdDateTime", "2024-01-01 12:00:00Z")]
    [InlineData("createdDateTime", null)]
    [InlineData("dataCenterLocation", null)]
    public async Task IModel_WithABadField_Is422NamingIt(string field, string? value)
    {
        var body = new IModelSpec().ToJson(Guid.NewGuid());
        body[field] = value;

        var error = await PutExpectingInvalidBodyAsync(AdminApi.IModels, body.ToJsonString());

        ApiAssert.HasDetailNaming(error, field);
    }

    [Theory]
    [InlineData("2024-01-01T12:30Z", "2024-01-01T12:30:00Z")]
    [InlineData("2024-01-01T12:30:15", "2024-01-01T12:30:15Z")]
    [InlineData("2024-02-29T12:00:00.5+02:00", "2024-02-29T10:00:00.5Z")]
    public async Task IModel_WithAnIso8601CreatedDateTime_IsStoredInUtc(string sent, string stored)
    {
        var id = Guid.NewGuid();
        var body = new IModelSpec { CreatedDateTime = sent }.ToJson(Guid.NewGuid());

        await admin.StoreAsync(AdminApi.IModels, id, body);
        using var read = await admin.GetAsync(AdminApi.IModels, id);

        Assert.Equal(stored, JsonNode.Parse(await read.Content.ReadAsStringAsync())!["createdDateTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task IModel_WithBothRoleAndUserPermissions_Is422NamingThePermissions()
    {
        var body = new IModelSpec
        {
            RolePermissions = [new(Guid.NewGuid(), "imodels_webview")],
            UserPermissions = [new("henry", "imodels_webview")],
        }.ToJson(Guid.NewGuid());

        var error = await PutExpectingInvalidBodyAsync(AdminApi.IModels, body.ToJsonString());

        var targets = error.Details().Select(detail => detail.GetProperty("target").GetString()).ToList();
        Assert.Contains(targets, target => target is not null
            && (target.Contains("rolePermissions", StringComparison.Ordinal) || target.Contains("userPermissions", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task IModel_WithAnExtentOutOfRange_Is422NamingTheCoordinate()
    {
        var body = new IModelSpec { Extent = new GeoExtent(95, 0, 10, 200) }.ToJson(Guid.NewGuid());

        var error = await PutExpectingInvalidBodyAsync(AdminApi.IModels, body.ToJsonString());

        ApiAssert.HasDetailNaming(error, "extent.southWest.latitude");
        ApiAssert.HasDetailNaming(error, "extent.northEast.longitude");
    }

    [Fact]
    public async Task IModel_WithABadRoleIdInItsPermissions_Is422NamingIt()
    {
        var body = new IModelSpec().ToJson(Guid.NewGuid());
        body["rolePermissions"] = JsonNode.Parse("""[{"roleId": "nope", "permissions": ["imodels_webview"]}]""");

        var error = await PutExpectingInvalidBodyAsync(AdminApi.IModels, body.ToJsonString());

        ApiAssert.HasDetailNaming(error, "rolePermissions[0].roleId");
    }

    [Fact]
    public async Task IModel_WithSeveralBadFields_NamesEachOfThem()
    {
        var body = new IModelSpec().ToJson(Guid.NewGuid());
        body["iTwinId"] = "nope";
        body.Remove("name");
        body["state"] = "sideways";
        body["createdDateTime"] = "not a date";

        var error = await PutExpectingInvalidBodyAsync(AdminApi.IModels, body.ToJsonString());

        ApiAssert.HasDetailNaming(error, "iTwinId");
        ApiAssert.HasDetailNaming(error, "name");
        ApiAssert.HasDetailNaming(error, "state");
        ApiAssert.HasDetailNaming(error, "createdDateTime");
        Assert.Equal(4, error.Details().Count);
    }

    [Fact]
    public async Task Put_FieldOfTheWrongJsonType_Is422NamingIt()
    {
        var body = new IModelSpec().ToJson(Guid.NewGuid());
        body["name"] = 42;

        var error = await PutExpectingInvalidBodyAsync(AdminApi.IModels, body.ToJsonString());

        ApiAssert.HasDetailNaming(error, "name");
    }

    [Theory]
    [InlineData(AdminApi.Organizations, """{"administrators": [""")]
    [InlineData(AdminApi.ITwins, "{ this is not json")]
    [InlineData(AdminApi.IModels, "<iModel/>")]
    [InlineData(AdminApi.IModels, "")]
    [InlineData(AdminApi.IModels, "null")]
    [InlineData(AdminApi.IModels, "[]")]
    [InlineData(AdminApi.Organizations, "\"administrators\"")]
    public async Task Put_MalformedOrNonObjectJson_Is422InvalidRequestBody(string resource, string body)
    {
        var error = await PutExpectingInvalidBodyAsync(resource, body);

        Assert.NotEmpty(error.Details());
    }

    [Fact]
    public async Task Put_Refused_LeavesTheStoredResourceUnchanged()
    {
        var id = Guid.NewGuid();
        var stored = new IModelSpec { Name = "Kept" }.ToJson(Guid.NewGuid());
        await admin.StoreAsync(AdminApi.IModels, id, stored);
        var invalid = stored.DeepClone().AsObject();
        invalid["state"] = "broken";

        using (var refused = await admin.PutAsync(AdminApi.IModels, id.ToString(), invalid.ToJsonString()))
        {
            await ApiAssert.ErrorAsync(refused, HttpStatusCode.UnprocessableEntity, "InvalidRequestBody");
        }

        await AssertStoredAsync(AdminApi.IModels, id, stored);
    }

    [Fact]
    public async Task Put_Refused_StoresNothing()
    {
        var id = Guid.NewGuid();

        using (var refused = await admin.PutAsync(AdminApi.ITwins, id.ToString(), """{"organizationId": "nope"}"""))
        {
            await ApiAssert.ErrorAsync(refused, HttpStatusCode.UnprocessableEntity, "InvalidRequestBody");
        }

        using var response = await admin.GetAsync(AdminApi.ITwins, id);
        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task IModel_ITwinHasNoRoomFor_Is422NamingTheITwinAndStoresNothing()
    {
        var id = Guid.NewGuid();
        // About 600 KB stored, over the 512 KiB an iTwin's iModels may take, in a body under the 1 MiB limit.
        var grants = Enumerable.Range(0, 4800)
            .Select(i => new UserPermission($"user-{i:D5}-{new string('x', 108)}", "imodels_webview"))
            .ToList();
        var tooLarge = new IModelSpec { UserPermissions = grants }.ToJson(Guid.NewGuid());

        using (var refused = await admin.PutAsync(AdminApi.IModels, id.ToString(), tooLarge.ToJsonString()))
        {
            var error = await ApiAssert.ErrorAsync(refused, HttpStatusCode.UnprocessableEntity, "InvalidRequestBody");
            ApiAssert.HasDetail(error, "InvalidValue", "iTwinId");
            Assert.Contains("512 KiB", error.GetProperty("details")[0].GetProperty("message").GetString());
        }

        using (var response = await admin.GetAsync(AdminApi.IModels, id))
        {
            await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound);
        }

        var small = new IModelSpec().ToJson(Guid.NewGuid());
        await admin.StoreAsync(AdminApi.IModels, id, small);
        await AssertStoredAsync(AdminApi.IModels, id, small);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private async Task<JsonElement> PutExpectingInvalidBodyAsync(string resource, string body)
    {
        using var response = await admin.PutAsync(resource, Guid.NewGuid().ToString(), body);
        return await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "InvalidRequestBody");
    }

    /// <summary>GET answers 200 with exactly the properties of the PUT body, each with the same value.</summary>
    private async Task AssertStoredAsync(string resource, Guid id, JsonObject expected)
    {
        using var response = await admin.GetAsync(resource, id);
        var actual = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Empty(actual.EnumerateObject().Select(property => property.Name).Except(expected.Select(property => property.Key)));
        foreach (var (name, expectedValue) in expected)
        {
            Assert.True(actual.TryGetProperty(name, out var actualValue), $"GET {resource}/{id} has no '{name}': {actual}");
            AssertSameValue($"{resource}.{name}", expectedValue, actualValue);
        }
    }

    private static void AssertSameValue(string path, JsonNode? expected, JsonElement actual)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual.ValueKind == JsonValueKind.Null, $"{path}: expected null but got {actual}");
                break;
            case JsonObject expectedObject:
                Assert.Equal(JsonValueKind.Object, actual.ValueKind);
                foreach (var (name, value) in expectedObject)
                {
                    Assert.True(actual.TryGetProperty(name, out var property), $"{path} has no '{name}': {actual}");
                    AssertSameValue($"{path}.{name}", value, property);
                }

                break;
            case JsonArray expectedArray:
                Assert.Equal(JsonValueKind.Array, actual.ValueKind);
                var items = actual.EnumerateArray().ToList();
                Assert.True(expectedArray.Count == items.Count, $"{path}: expected {expectedArray.ToJsonString()} but got {actual}");
                for (var i = 0; i < items.Count; i++)
                {
                    AssertSameValue($"{path}[{i}]", expectedArray[i], items[i]);
                }

                break;
            case JsonValue value when value.TryGetValue<double>(out var number):
                Assert.Equal(JsonValueKind.Number, actual.ValueKind);
                Assert.Equal(number, actual.GetDouble());
                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && path.EndsWith(".createdDateTime", StringComparison.Ordinal):
                Assert.Equal(
                    DateTimeOffset.Parse(text, CultureInfo.InvariantCulture),
                    DateTimeOffset.Parse(actual.GetString() ?? "", CultureInfo.InvariantCulture));
                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                Assert.True(actual.ValueKind == JsonValueKind.String, $"{path}: expected \"{text}\" but got {actual}");
                Assert.Equal(text, actual.GetString(), ignoreCase: Guid.TryParse(text, out _));
                break;
            default:
                Assert.Equal(expected.ToJsonString(), actual.GetRawText());
                break;
        }
    }
}
