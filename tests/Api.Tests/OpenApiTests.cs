using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Recents.Api.IModelLists;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, checked against the routes the running API maps and against
/// docs/api.md: every operation, its parameters, statuses, the error envelope, headers and scopes.
/// </summary>
[Collection(RecentsApiCollection.Name)]
public sealed class OpenApiTests(RecentsApiFixture fixture)
{
    private const string DocumentPath = "/openapi/v1.json";
    private const string EnvelopeReference = "#/components/schemas/ErrorEnvelope";

    private static readonly string[] RecentsErrorStatuses = ["401", "404", "406", "429", "503"];
    private static readonly string[] AdminErrorStatuses = ["401", "404", "429", "503"];

    [Fact]
    public async Task Document_WithoutToken_IsServedAsOpenApi3Json()
    {
        using var response = await fixture.Client.GetAsync(DocumentPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        Assert.Equal("Recents API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Document_OtherMethodThanGet_IsMethodNotAllowed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, DocumentPath) { Content = new StringContent("{}") };
        using var response = await fixture.Client.SendAsync(request);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Document_OtherName_IsRoute404InEnvelope()
    {
        using var response = await fixture.Client.GetAsync("/openapi/v2.json");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task Document_ForgedHostHeader_IsNotEchoedAsServer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, DocumentPath);
        request.Headers.Host = "evil.example";
        using var response = await fixture.Client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_MappedRoutes_AreExactlyTheDocumentedOperations()
    {
        var mapped = MappedOperations().Select(operation => operation.Key).ToHashSet();
        using var document = await GetDocumentAsync();
        var documented = DocumentedOperations(document.RootElement).ToHashSet();

        Assert.True(
            mapped.Count(operation => !IsHealthPath(operation.Path)) >= 13,
            $"Expected the 3 recents, 3 favorites and 7 admin operations, found: {string.Join(", ", mapped)}");
        Assert.Contains(new OperationKey("/imodels/favorites/{id}", "PUT"), mapped);
        Assert.Contains(new OperationKey("/health/ready", "GET"), mapped);
        Assert.Empty(mapped.Except(documented));
        Assert.Empty(documented.Except(mapped));
    }

    [Fact]
    public async Task HealthProbes_Documented_NeedNoTokenAndReadinessMayAnswer503()
    {
        using var document = await GetDocumentAsync();
        var paths = document.RootElement.GetProperty("paths");

        foreach (var probe in new[] { "/health/live", "/health/ready" })
        {
            var operation = paths.GetProperty(probe).GetProperty("get");
            Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _), $"{probe} documents no 200.");
            Assert.False(operation.TryGetProperty("security", out _), $"{probe} needs no token.");
        }

        AssertErrorResponse(paths.GetProperty("/health/ready").GetProperty("get"), "503", "GET /health/ready");
    }

    [Fact]
    public async Task Operations_Documented_HaveUniqueIdSummaryAndTag()
    {
        using var document = await GetDocumentAsync();
        var operations = DocumentedOperations(document.RootElement).Select(key => Operation(document.RootElement, key)).ToList();

        var ids = operations.Select(operation => operation.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(operations, operation =>
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
            Assert.NotEqual(0, operation.GetProperty("tags").GetArrayLength());
        });
    }

    [Theory]
    [InlineData("POST", "/imodels/recents/{id}", "204")]
    [InlineData("DELETE", "/imodels/recents/{id}", "204")]
    [InlineData("GET", "/imodels/recents", "200")]
    public async Task RecentsOperations_PerDocsApiMd_DeclareSuccessAndEachErrorInEnvelope(
        string method, string path, string success)
    {
        using var document = await GetDocumentAsync();
        var operation = Operation(document.RootElement, new(path, method));
        var responses = operation.GetProperty("responses");

        Assert.True(responses.TryGetProperty(success, out _), $"{method} {path} documents no {success}.");
        var errors = method == "GET" ? [.. RecentsErrorStatuses, "422"] : RecentsErrorStatuses;
        foreach (var status in errors)
        {
            AssertErrorResponse(operation, status, $"{method} {path}");
        }

        Assert.Equal(["itwin-platform"], Scopes(operation));
        Assert.Contains(Parameters(operation), parameter => parameter is ("header", "Accept"));
        if (method != "GET")
        {
            Assert.Contains(Parameters(operation), parameter => parameter is ("path", "id"));
            Assert.False(responses.GetProperty(success).TryGetProperty("content", out _), "204 has no body.");
        }
    }

    [Theory]
    [InlineData("PUT", "/imodels/favorites/{id}", "AddFavoriteIModel", "204")]
    [InlineData("DELETE", "/imodels/favorites/{id}", "RemoveFavoriteIModel", "204")]
    [InlineData("GET", "/imodels/favorites", "ListFavoriteIModels", "200")]
    public async Task FavoritesOperations_PerDocsApiMd_DeclareIdSuccessAndEachErrorInEnvelope(
        string method, string path, string operationId, string success)
    {
        using var document = await GetDocumentAsync();
        var operation = Operation(document.RootElement, new(path, method));
        var responses = operation.GetProperty("responses");

        Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
        Assert.True(responses.TryGetProperty(success, out _), $"{method} {path} documents no {success}.");
        string[] errors = method switch
        {
            "GET" => [.. RecentsErrorStatuses, "422"],
            "PUT" => [.. RecentsErrorStatuses, "409"],
            _ => RecentsErrorStatuses,
        };
        foreach (var status in errors)
        {
            AssertErrorResponse(operation, status, $"{method} {path}");
        }

        Assert.Equal(["itwin-platform"], Scopes(operation));
        Assert.Contains(Parameters(operation), parameter => parameter is ("header", "Accept"));
        if (method != "GET")
        {
            Assert.Contains(Parameters(operation), parameter => parameter is ("path", "id"));
            Assert.False(responses.GetProperty(success).TryGetProperty("content", out _), "204 has no body.");
        }

        if (method != "PUT")
        {
            Assert.False(responses.TryGetProperty("409", out _), $"{method} {path} never answers 409.");
        }
    }

    [Fact]
    public async Task ListFavorites_DeclaresEveryQueryParameterAndPreferHeader()
    {
        using var document = await GetDocumentAsync();
        var operation = Operation(document.RootElement, new("/imodels/favorites", "GET"));
        var parameters = operation.GetProperty("parameters").EnumerateArray()
            .ToDictionary(parameter => (parameter.GetProperty("in").GetString()!, parameter.GetProperty("name").GetString()!));

        var iTwinId = parameters[("query", "iTwinId")];
        Assert.True(iTwinId.GetProperty("required").GetBoolean());
        Assert.Equal("uuid", iTwinId.GetProperty("schema").GetProperty("format").GetString());

        var top = parameters[("query", "$top")].GetProperty("schema");
        Assert.Equal(1, top.GetProperty("minimum").GetInt32());
        Assert.Equal(1000, top.GetProperty("maximum").GetInt32());
        Assert.Equal(100, top.GetProperty("default").GetInt32());

        var token = parameters[("query", "$continuationToken")];
        Assert.Equal("string", token.GetProperty("schema").GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(token.GetProperty("description").GetString()));

        Assert.Equal(0, parameters[("query", "$skip")].GetProperty("schema").GetProperty("minimum").GetInt32());
        var orderBy = parameters[("query", "$orderBy")].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(value => value.GetString());
        Assert.Contains("name", orderBy);
        Assert.Contains("createdDateTime desc", orderBy);

        var prefer = parameters[("header", "Prefer")].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(value => value.GetString());
        Assert.Equal(["return=minimal", "return=representation"], prefer);
        Assert.True(parameters.ContainsKey(("header", "Accept")));
        Assert.All(
            parameters.Where(parameter => parameter.Key != ("query", "iTwinId")),
            parameter => Assert.False(parameter.Value.TryGetProperty("required", out var required) && required.GetBoolean(), $"{parameter.Key} is optional."));
    }

    [Fact]
    public async Task ListFavorites_Success_IsPageInBothMediaTypes()
    {
        using var document = await GetDocumentAsync();
        var ok = Operation(document.RootElement, new("/imodels/favorites", "GET")).GetProperty("responses").GetProperty("200");

        var content = ok.GetProperty("content");
        foreach (var mediaType in new[] { ApiAssert.ITwinPlatformV2, ApiAssert.Json })
        {
            Assert.Equal("#/components/schemas/FavoriteIModelsPage", content.GetProperty(mediaType).GetProperty("schema").GetProperty("$ref").GetString());
        }

        var properties = Schema(document.RootElement, "FavoriteIModelsPage").GetProperty("properties");
        Assert.Equal(["_links", "iModels"], properties.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        var itemShapes = properties.GetProperty("iModels").GetProperty("items").GetProperty("oneOf").EnumerateArray()
            .Select(shape => shape.GetProperty("$ref").GetString());
        Assert.Equal(["#/components/schemas/IModelSummary", "#/components/schemas/IModelRepresentation"], itemShapes);
    }

    [Fact]
    public async Task ListRecents_Success_IsPageInBothMediaTypes()
    {
        using var document = await GetDocumentAsync();
        var ok = Operation(document.RootElement, new("/imodels/recents", "GET")).GetProperty("responses").GetProperty("200");

        var content = ok.GetProperty("content");
        foreach (var mediaType in new[] { ApiAssert.ITwinPlatformV2, ApiAssert.Json })
        {
            Assert.Equal("#/components/schemas/RecentIModelsPage", content.GetProperty(mediaType).GetProperty("schema").GetProperty("$ref").GetString());
        }

        var page = Schema(document.RootElement, "RecentIModelsPage");
        var properties = page.GetProperty("properties");
        Assert.Equal(["_links", "iModels"], properties.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        var itemShapes = properties.GetProperty("iModels").GetProperty("items").GetProperty("oneOf").EnumerateArray()
            .Select(shape => shape.GetProperty("$ref").GetString());
        Assert.Equal(["#/components/schemas/IModelSummary", "#/components/schemas/IModelRepresentation"], itemShapes);
        var representation = Schema(document.RootElement, "IModelRepresentation").GetProperty("properties");
        Assert.Equal(
            ["createdDateTime", "dataCenterLocation", "description", "displayName", "extent", "iTwinId", "id", "isSecured", "name", "state"],
            representation.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        Assert.True(IsNullable(representation.GetProperty("extent")), "extent may be null.");
    }

    [Fact]
    public async Task ListRecents_DeclaresEveryQueryParameterAndPreferHeader()
    {
        using var document = await GetDocumentAsync();
        var operation = Operation(document.RootElement, new("/imodels/recents", "GET"));
        var parameters = operation.GetProperty("parameters").EnumerateArray()
            .ToDictionary(parameter => (parameter.GetProperty("in").GetString()!, parameter.GetProperty("name").GetString()!));

        var iTwinId = parameters[("query", "iTwinId")];
        Assert.True(iTwinId.GetProperty("required").GetBoolean());
        Assert.Equal("uuid", iTwinId.GetProperty("schema").GetProperty("format").GetString());

        var top = parameters[("query", "$top")].GetProperty("schema");
        Assert.Equal("integer", top.GetProperty("type").GetString());
        Assert.Equal(1, top.GetProperty("minimum").GetInt32());
        Assert.Equal(1000, top.GetProperty("maximum").GetInt32());
        Assert.Equal(100, top.GetProperty("default").GetInt32());

        var skip = parameters[("query", "$skip")].GetProperty("schema");
        Assert.Equal(0, skip.GetProperty("minimum").GetInt32());
        Assert.Equal(0, skip.GetProperty("default").GetInt32());

        var orderBy = parameters[("query", "$orderBy")].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(value => value.GetString());
        Assert.Contains("name", orderBy);
        Assert.Contains("createdDateTime desc", orderBy);

        var prefer = parameters[("header", "Prefer")].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(value => value.GetString());
        Assert.Equal(["return=minimal", "return=representation"], prefer);
        Assert.True(parameters.ContainsKey(("header", "Accept")));
        Assert.All(
            parameters.Where(parameter => parameter.Key != ("query", "iTwinId")),
            parameter => Assert.False(parameter.Value.TryGetProperty("required", out var required) && required.GetBoolean(), $"{parameter.Key} is optional."));
    }

    [Theory]
    [InlineData("organizations", "OrganizationBody", "OrganizationDetails")]
    [InlineData("itwins", "ITwinBody", "ITwinDetails")]
    [InlineData("imodels", "IModelBody", "IModelBody")]
    public async Task AdminResources_PutAndGet_DeclareBodiesStatusesAndScope(string resource, string body, string stored)
    {
        using var document = await GetDocumentAsync();
        var path = $"/admin/{resource}/{{id}}";

        var put = Operation(document.RootElement, new(path, "PUT"));
        var requestBody = put.GetProperty("requestBody");
        Assert.True(requestBody.GetProperty("required").GetBoolean());
        Assert.Equal($"#/components/schemas/{body}", requestBody.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(put.GetProperty("responses").TryGetProperty("204", out _), $"PUT {path} documents no 204.");
        foreach (var status in AdminErrorStatuses.Append("422"))
        {
            AssertErrorResponse(put, status, $"PUT {path}");
        }

        var get = Operation(document.RootElement, new(path, "GET"));
        var ok = get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json");
        Assert.Equal($"#/components/schemas/{stored}", ok.GetProperty("schema").GetProperty("$ref").GetString());
        foreach (var status in AdminErrorStatuses)
        {
            AssertErrorResponse(get, status, $"GET {path}");
        }

        Assert.Equal(["recents-admin"], Scopes(put));
        Assert.Equal(["recents-admin"], Scopes(get));
        Assert.Contains(Parameters(put), parameter => parameter is ("path", "id"));
    }

    [Fact]
    public async Task AdminIModelDelete_Declares204ErrorsAndScope()
    {
        using var document = await GetDocumentAsync();
        var delete = Operation(document.RootElement, new("/admin/imodels/{id}", "DELETE"));

        Assert.True(delete.GetProperty("responses").TryGetProperty("204", out _));
        foreach (var status in AdminErrorStatuses)
        {
            AssertErrorResponse(delete, status, "DELETE /admin/imodels/{id}");
        }

        Assert.Equal(["recents-admin"], Scopes(delete));
    }

    [Theory]
    [InlineData("GET", "GetUserData", "200")]
    [InlineData("DELETE", "EraseUserData", "204")]
    public async Task UserDataOperations_DeclareNameSuccessErrorsAndScope(string method, string name, string success)
    {
        using var document = await GetDocumentAsync();
        var operation = Operation(document.RootElement, new("/admin/users/{userId}/data", method));

        Assert.Equal(name, operation.GetProperty("operationId").GetString());
        Assert.True(operation.GetProperty("responses").TryGetProperty(success, out _), $"{method} documents no {success}.");
        foreach (var status in AdminErrorStatuses)
        {
            AssertErrorResponse(operation, status, $"{method} /admin/users/{{userId}}/data");
        }

        Assert.Equal(["recents-admin"], Scopes(operation));
        Assert.Contains(Parameters(operation), parameter => parameter is ("path", "userId"));
    }

    [Fact]
    public async Task ErrorEnvelopeSchema_IsErrorWithCodeMessageTargetAndOptionalDetails()
    {
        using var document = await GetDocumentAsync();
        var root = document.RootElement;

        var envelope = Schema(root, "ErrorEnvelope");
        Assert.Equal(["error"], envelope.GetProperty("properties").EnumerateObject().Select(property => property.Name));
        Assert.Equal(["error"], envelope.GetProperty("required").EnumerateArray().Select(name => name.GetString()));
        var errorReference = envelope.GetProperty("properties").GetProperty("error").GetProperty("$ref").GetString()!;

        var error = Schema(root, errorReference.Split('/')[^1]);
        Assert.Equal(
            ["code", "details", "message", "target"],
            error.GetProperty("properties").EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        var required = error.GetProperty("required").EnumerateArray().Select(name => name.GetString()).ToList();
        Assert.Contains("code", required);
        Assert.Contains("message", required);
        Assert.DoesNotContain("details", required);
        Assert.Contains("null", error.GetProperty("properties").GetProperty("target").GetProperty("type").EnumerateArray().Select(type => type.GetString()));
    }

    [Fact]
    public async Task RateLimitedAndUnavailableResponses_DeclareIntegerRetryAfter()
    {
        using var document = await GetDocumentAsync();
        var checkedResponses = 0;

        foreach (var key in DocumentedOperations(document.RootElement))
        {
            var responses = Operation(document.RootElement, key).GetProperty("responses");
            foreach (var status in new[] { "429", "503" })
            {
                if (!responses.TryGetProperty(status, out var response))
                {
                    continue;
                }

                var retryAfter = response.TryGetProperty("headers", out var headers) && headers.TryGetProperty("Retry-After", out var header)
                    ? header
                    : throw new Xunit.Sdk.XunitException($"{key.Method} {key.Path} {status} declares no Retry-After.");
                Assert.Equal("integer", retryAfter.GetProperty("schema").GetProperty("type").GetString());
                Assert.Equal(1, retryAfter.GetProperty("schema").GetProperty("minimum").GetInt32());
                checkedResponses++;
            }
        }

        // 13 API operations with both, and the two readiness probe operations (GET, HEAD) with 503.
        Assert.True(checkedResponses >= 28, $"Only {checkedResponses} 429/503 responses found.");
    }

    [Fact]
    public async Task ProtectedRoutes_DeclareBearerScope401And429()
    {
        using var document = await GetDocumentAsync();
        var root = document.RootElement;
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal("JWT", scheme.GetProperty("bearerFormat").GetString());

        foreach (var (key, endpoint) in MappedOperations().Where(operation => !IsHealthPath(operation.Key.Path)))
        {
            var operation = Operation(root, key);
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(authorize => authorize.Policy).ToList();
            Assert.NotEmpty(policies);
            string?[] scopes = policies.Contains("recents-admin") ? ["recents-admin"] : ["itwin-platform"];
            Assert.Equal(scopes, Scopes(operation));
            AssertErrorResponse(operation, "401", $"{key.Method} {key.Path}");
            if (endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null)
            {
                AssertErrorResponse(operation, "429", $"{key.Method} {key.Path}");
            }
        }
    }

    [Fact]
    public async Task ReferencePage_OutsideDevelopment_IsNotServed()
    {
        using var response = await fixture.Client.GetAsync("/scalar/v1");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReferencePage_InDevelopment_IsServedFromThisServerAlone()
    {
        var settings = fixture.ClusterSettings
            .Concat(fixture.Tokens.ApiSettings)
            .Append(KeyValuePair.Create("environment", "Development"));
        await using var developmentApi = RecentsApiFixture.StartApi(settings);
        using var http = developmentApi.CreateClient();

        using var page = await http.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("cdn.jsdelivr.net", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fonts.scalar.com", html, StringComparison.OrdinalIgnoreCase);

        using var script = await http.GetAsync("/scalar/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        using var openApi = await http.GetAsync(DocumentPath);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
    }

    private readonly record struct OperationKey(string Path, string Method);

    private async Task<JsonDocument> GetDocumentAsync()
    {
        using var response = await fixture.Client.GetAsync(DocumentPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every method of every route under <c>/imodels</c>, <c>/admin</c> and <c>/health</c> that the running API maps.</summary>
    private IEnumerable<KeyValuePair<OperationKey, RouteEndpoint>> MappedOperations() =>
        fixture.ApiServices.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(endpoint => (Path: NormalizePath(endpoint.RoutePattern.RawText), Endpoint: endpoint))
            .Where(route => IsApiPath(route.Path) || IsHealthPath(route.Path))
            .SelectMany(route => (route.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(method => KeyValuePair.Create(new OperationKey(route.Path, method.ToUpperInvariant()), route.Endpoint)));

    private static IEnumerable<OperationKey> DocumentedOperations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(member => member.Name is "get" or "put" or "post" or "delete" or "options" or "head" or "patch" or "trace")
                .Select(member => new OperationKey(path.Name, member.Name.ToUpperInvariant())));

    private static JsonElement Operation(JsonElement document, OperationKey key)
    {
        Assert.True(document.GetProperty("paths").TryGetProperty(key.Path, out var path), $"{key.Path} is not documented.");
        Assert.True(path.TryGetProperty(key.Method.ToLowerInvariant(), out var operation), $"{key.Method} {key.Path} is not documented.");
        return operation;
    }

    private static JsonElement Schema(JsonElement document, string name) =>
        document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static void AssertErrorResponse(JsonElement operation, string status, string what)
    {
        Assert.True(operation.GetProperty("responses").TryGetProperty(status, out var response), $"{what} documents no {status}.");
        Assert.True(response.TryGetProperty("content", out var content), $"{what} {status} has no content.");
        Assert.Equal(["application/json"], content.EnumerateObject().Select(mediaType => mediaType.Name));
        Assert.Equal(EnvelopeReference, content.GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
    }

    /// <summary>Null is allowed: in the schema's type, or as one of its <c>oneOf</c> (how a nullable reference says it).</summary>
    private static bool IsNullable(JsonElement schema) =>
        (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array
            && type.EnumerateArray().Any(name => name.GetString() == "null"))
        || (schema.TryGetProperty("oneOf", out var oneOf)
            && oneOf.EnumerateArray().Any(shape => shape.TryGetProperty("type", out var shapeType) && shapeType.ValueKind == JsonValueKind.String && shapeType.GetString() == "null"));

    private static List<string?> Scopes(JsonElement operation)
    {
        var requirements = operation.GetProperty("security").EnumerateArray().ToList();
        var requirement = Assert.Single(requirements);
        var scheme = Assert.Single(requirement.EnumerateObject());
        Assert.Equal("Bearer", scheme.Name);
        return scheme.Value.EnumerateArray().Select(scope => scope.GetString()).ToList();
    }

    private static List<(string In, string Name)> Parameters(JsonElement operation) =>
        operation.GetProperty("parameters").EnumerateArray()
            .Select(parameter => (parameter.GetProperty("in").GetString()!, parameter.GetProperty("name").GetString()!))
            .ToList();

    /// <summary><c>MapGet("/")</c> in a group is <c>/imodels/recents/</c> in the route pattern, served (and documented) without the slash.</summary>
    private static string NormalizePath(string? rawText) => "/" + (rawText ?? "").Trim('/');

    private static bool IsHealthPath(string path) => path.StartsWith("/health/", StringComparison.Ordinal);

    private static bool IsApiPath(string path) =>
        path.StartsWith("/imodels/", StringComparison.Ordinal) || path.StartsWith("/admin/", StringComparison.Ordinal);
}
