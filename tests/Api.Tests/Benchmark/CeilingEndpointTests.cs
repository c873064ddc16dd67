using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Recents.Api.Benchmark;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests.Benchmark;

/// <summary><c>POST /benchmark/ceiling</c> is not mapped unless <c>Benchmark:CeilingEndpoint</c> is on.</summary>
[Collection(RecentsApiCollection.Name)]
public sealed class CeilingEndpointOffTests(RecentsApiFixture fixture)
{
    [Fact]
    public async Task Ceiling_ByDefault_IsARoute404InTheEnvelope()
    {
        var user = fixture.NewUser();

        using var response = await fixture.Api().SendAsync(HttpMethod.Post, CeilingEndpoint.Path, user.Token);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "NotFound");
    }
}

/// <summary>
/// With <c>Benchmark:CeilingEndpoint=true</c>: <c>POST /benchmark/ceiling</c> answers 204 after everything a
/// <c>POST /imodels/recents/{id}</c> goes through before its handler, and is not in the OpenAPI document.
/// Own silo and API.
/// </summary>
public sealed class CeilingEndpointOnTests(CeilingEndpointOnTests.CeilingApi ceiling) : IClassFixture<CeilingEndpointOnTests.CeilingApi>
{
    private const string AddRoute = "/imodels/recents/{id}";

    /// <summary>
    /// A client whose budget is 3 requests an hour (and plenty a minute, so only an hour boundary resets it; the
    /// fixture's clock stands still, so none comes).
    /// </summary>
    private const string ThreeAnHourClient = "ceiling-three-an-hour";

    private RecentsApiFixture Service => ceiling.Service;

    [Fact]
    public async Task Ceiling_WithAValidToken_Is204WithNoBody()
    {
        var user = Service.NewUser();

        using var response = await Service.Api().SendAsync(HttpMethod.Post, CeilingEndpoint.Path, user.Token, ApiClient.JsonBody("{}"));

        await ApiAssert.NoContentAsync(response);
    }

    [Fact]
    public async Task Ceiling_WithoutAToken_Is401AsTheAddIs()
    {
        using var response = await Service.Api().SendAsync(HttpMethod.Post, CeilingEndpoint.Path);

        await ApiAssert.UnauthorizedAsync(response, credentialsSent: false);
    }

    [Fact]
    public async Task Ceiling_TokenWithoutTheITwinPlatformScope_Is401AsForTheAdd()
    {
        using var response = await Service.Api().SendAsync(HttpMethod.Post, CeilingEndpoint.Path, Service.Tokens.ForAdmin());

        await ApiAssert.UnauthorizedAsync(response, credentialsSent: true);
    }

    [Fact]
    public async Task Ceiling_AcceptNamingNothingTheApiProduces_Is406AsForTheAdd()
    {
        var user = Service.NewUser();

        using var response = await Service.Api().SendAsync(
            HttpMethod.Post, CeilingEndpoint.Path, user.Token, ApiClient.Accept("text/csv"));

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task Ceiling_Requests_SpendTheClientsBudgetThatTheAddSpendsToo()
    {
        var token = Service.Tokens.Create(new TokenSpec($"ceiling-{Guid.NewGuid():N}") { ClientId = ThreeAnHourClient });

        for (var i = 0; i < 3; i++)
        {
            using var admitted = await Service.Api().SendAsync(HttpMethod.Post, CeilingEndpoint.Path, token);
            await ApiAssert.NoContentAsync(admitted);
        }

        using var ceilingRefused = await Service.Api().SendAsync(HttpMethod.Post, CeilingEndpoint.Path, token);
        await ApiAssert.ErrorAsync(ceilingRefused, HttpStatusCode.TooManyRequests, "RateLimitExceeded");
        using var addRefused = await Service.Api().SendAsync(HttpMethod.Post, $"/imodels/recents/{Guid.NewGuid()}", token);
        await ApiAssert.ErrorAsync(addRefused, HttpStatusCode.TooManyRequests, "RateLimitExceeded");
    }

    [Fact]
    public void Ceiling_Mapping_HasTheAddsAuthorizationAndRateLimitingAndNoDescription()
    {
        var endpoints = Service.ApiServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var ceilingEndpoint = Assert.Single(endpoints, endpoint => endpoint.RoutePattern.RawText == CeilingEndpoint.Path);
        var add = Assert.Single(endpoints, endpoint =>
            endpoint.RoutePattern.RawText == AddRoute
            && endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.SequenceEqual(["POST"]) == true);

        Assert.Equal(["POST"], ceilingEndpoint.Metadata.GetRequiredMetadata<IHttpMethodMetadata>().HttpMethods);
        Assert.Equal(Policies(add), Policies(ceilingEndpoint));
        Assert.Equal(
            add.Metadata.GetRequiredMetadata<EnableRateLimitingAttribute>().PolicyName,
            ceilingEndpoint.Metadata.GetRequiredMetadata<EnableRateLimitingAttribute>().PolicyName);
        Assert.NotNull(ceilingEndpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>());
    }

    [Fact]
    public async Task OpenApiDocument_WithTheCeilingOn_DoesNotDescribeIt()
    {
        using var response = await Service.Client.GetAsync("/openapi/v1.json");

        var document = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/imodels/recents/{id}", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/benchmark", document, StringComparison.Ordinal);
    }

    private static List<string?> Policies(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(authorize => authorize.Policy).ToList();

    /// <summary>
    /// A silo and an API with the ceiling on, and a 3-an-hour tier for <see cref="ThreeAnHourClient"/>; their rate
    /// limits run on a <see cref="TestClock"/>.
    /// </summary>
    public sealed class CeilingApi : IAsyncLifetime
    {
        private readonly TestClock clock = new();

        public CeilingApi()
        {
            Service = new RecentsApiFixture(
                TestStorage.ConnectionString,
                apiSettings: new Dictionary<string, string>
                {
                    ["Benchmark:CeilingEndpoint"] = "true",
                    ["RateLimits:Tiers:three-an-hour:RequestsPerMinute"] = "1000",
                    ["RateLimits:Tiers:three-an-hour:RequestsPerHour"] = "3",
                    [$"RateLimits:Clients:{ThreeAnHourClient}"] = "three-an-hour",
                },
                services: clock.Register);
        }

        public RecentsApiFixture Service { get; }

        public Task InitializeAsync() => Service.InitializeAsync();

        public Task DisposeAsync() => Service.DisposeAsync();
    }
}
