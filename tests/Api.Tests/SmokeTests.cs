using System.Net;
using System.Net.Http.Headers;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

[Collection(RecentsApiCollection.Name)]
public sealed class SmokeTests(RecentsApiFixture fixture)
{
    [Fact]
    public async Task Readiness_OnceTheSiloAnswers_Is200()
    {
        using var response = await fixture.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Add_UnknownIModelWithAValidToken_IsNotFound()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/imodels/recents/{Guid.NewGuid()}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Tokens.For("smoke-user"));
        using var response = await fixture.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"iModelNotFound\"", await response.Content.ReadAsStringAsync());
    }
}
