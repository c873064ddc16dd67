using System.Net;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>Health (docs/api.md#health): both probes answer without authentication.</summary>
[Collection(RecentsApiCollection.Name)]
public sealed class HealthTests(RecentsApiFixture fixture)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Probe_is_200_without_authentication(string path)
    {
        using var response = await fixture.Api().SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("WWW-Authenticate"));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Probe_ignores_a_broken_Authorization_header(string path)
    {
        using var response = await fixture.Api().SendWithAuthorizationAsync(HttpMethod.Get, path, "Bearer not-a-jwt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Probe_answers_only_GET_and_HEAD(string path)
    {
        using var head = await fixture.Api().SendAsync(HttpMethod.Head, path);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);

        using var post = await fixture.Api().SendAsync(HttpMethod.Post, path);
        await ApiAssert.ErrorAsync(post, HttpStatusCode.MethodNotAllowed);
    }
}
