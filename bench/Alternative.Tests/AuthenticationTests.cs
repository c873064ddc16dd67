using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Recents.Bench.Alternative.Tests.Infrastructure;

namespace Recents.Bench.Alternative.Tests;

[Collection(AlternativeCollection.Name)]
public sealed class AuthenticationTests(AlternativeFixture fixture)
{
    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task WithoutToken_Is401_WithBearerChallenge_AndJsonError(string method)
    {
        using var response = await fixture.Client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), PathFor(method)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("HeaderNotFound", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task TokenWithoutTheScope_Is401()
    {
        var token = fixture.Tokens.For(fixture.Directory.NewUser(), scope: "recents-admin");

        var status = await SendAsync("POST", token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task TokenSignedWithAnotherKey_Is401()
    {
        var token = fixture.Tokens.For(fixture.Directory.NewUser(), signingKey: RandomNumberGenerator.GetBytes(32));

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync("POST", token));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync("GET", token));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    public async Task Health_NeedsNoToken(string path)
    {
        using var response = await fixture.Client.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpStatusCode> SendAsync(string method, string token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), PathFor(method))
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        };
        using var response = await fixture.Client.Http.SendAsync(request);
        return response.StatusCode;
    }

    private string PathFor(string method) => method == "GET"
        ? $"/imodels/recents?iTwinId={fixture.Directory.ITwinA}"
        : $"/imodels/recents/{fixture.Directory.OpenInA[0]}";
}
