using System.Net;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>Media types (docs/api.md#media-types): what <c>Accept</c> may say, and what the response's <c>Content-Type</c> is.</summary>
[Collection(RecentsApiCollection.Name)]
public sealed class ContentNegotiationTests(RecentsApiFixture fixture)
{
    [Theory]
    [InlineData(null, ApiAssert.ITwinPlatformV2)]
    [InlineData("*/*", ApiAssert.ITwinPlatformV2)]
    [InlineData("application/*", ApiAssert.ITwinPlatformV2)]
    [InlineData(ApiAssert.ITwinPlatformV2, ApiAssert.ITwinPlatformV2)]
    [InlineData("application/json", ApiAssert.Json)]
    [InlineData("text/html, application/json", ApiAssert.Json)]
    [InlineData("application/vnd.bentley.itwin-platform.v1+json, application/vnd.bentley.itwin-platform.v2+json", ApiAssert.ITwinPlatformV2)]
    public async Task List_WithAnAcceptableAccept_AnswersTheNegotiatedMediaType(string? accept, string expectedMediaType)
    {
        var (user, iTwinId) = await ViewerWithOneRecentAsync();

        using var response = await user.ListAsync(iTwinId, configure: accept is null ? null : ApiClient.Accept(accept));

        var page = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(expectedMediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Single(page.GetProperty("iModels").EnumerateArray());
    }

    [Theory]
    [InlineData("application/vnd.bentley.itwin-platform.v1+json")]
    [InlineData("application/vnd.bentley.itwin-platform.v3+json")]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    [InlineData("text/html, application/vnd.bentley.itwin-platform.v1+json")]
    public async Task List_AcceptNamingNothingThisApiProduces_Is406InvalidHeaderValue(string accept)
    {
        var (user, iTwinId) = await ViewerWithOneRecentAsync();

        using var response = await user.ListAsync(iTwinId, configure: ApiClient.Accept(accept));

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.NotAcceptable, "InvalidHeaderValue");
        Assert.Equal("Accept", error.Target());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task AddAndRemove_WithAnUnacceptableAccept_Are406(string method)
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();

        using var response = await fixture.Api().SendAsync(
            new HttpMethod(method), $"/imodels/recents/{iModelId}", user.Token, ApiClient.Accept("application/vnd.bentley.itwin-platform.v1+json"));

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.NotAcceptable, "InvalidHeaderValue");
        Assert.Equal("Accept", error.Target());
        Assert.Empty(await user.ListIdsAsync(directory.ITwinId));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task AddAndRemove_WithAnAcceptableAccept_Are204(string method)
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();

        using var response = await fixture.Api().SendAsync(
            new HttpMethod(method), $"/imodels/recents/{iModelId}", user.Token, ApiClient.Accept(ApiAssert.ITwinPlatformV2));

        await ApiAssert.NoContentAsync(response);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task Authentication_WithABadAccept_IsCheckedFirst(string method)
    {
        var path = method == "GET" ? $"/imodels/recents?iTwinId={Guid.NewGuid()}" : $"/imodels/recents/{Guid.NewGuid()}";

        using var response = await fixture.Api().SendAsync(new HttpMethod(method), path, configure: ApiClient.Accept("text/html"));

        await ApiAssert.UnauthorizedAsync(response, credentialsSent: false);
    }

    [Fact]
    public async Task InvalidToken_WithABadAccept_Is401Not406()
    {
        using var response = await fixture.Api().SendAsync(
            HttpMethod.Get,
            $"/imodels/recents?iTwinId={Guid.NewGuid()}",
            TestTokens.Unsigned($"user-{Guid.NewGuid():N}"),
            ApiClient.Accept("application/vnd.bentley.itwin-platform.v1+json"));

        await ApiAssert.UnauthorizedAsync(response, credentialsSent: true);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(ApiAssert.ITwinPlatformV2)]
    public async Task Errors_WhateverTheAccept_AreApplicationJson(string? accept)
    {
        var user = fixture.NewUser();

        using var notFound = await user.ListAsync(Guid.NewGuid(), configure: accept is null ? null : ApiClient.Accept(accept));
        await ApiAssert.ErrorAsync(notFound, HttpStatusCode.NotFound, "iTwinNotFound");

        using var invalid = await user.ListAsync("$top=0", accept is null ? null : ApiClient.Accept(accept));
        await ApiAssert.ErrorAsync(invalid, HttpStatusCode.UnprocessableEntity, "InvalidiModelsRequest");
    }

    private async Task<(RecentsUser User, Guid ITwinId)> ViewerWithOneRecentAsync()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        await user.AddAllAsync(await directory.AddIModelAsync());
        return (user, directory.ITwinId);
    }
}
