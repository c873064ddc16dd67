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
    public async Task Probe_WithoutAuthentication_Is200(string path)
    {
        using var response = await fixture.Api().SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("WWW-Authenticate"));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Probe_WithABrokenAuthorizationHeader_IgnoresIt(string path)
    {
        using var response = await fixture.Api().SendWithAuthorizationAsync(HttpMethod.Get, path, "Bearer not-a-jwt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Probe_OtherMethodsThanGetAndHead_AreNotAnswered(string path)
    {
        using var head = await fixture.Api().SendAsync(HttpMethod.Head, path);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);

        using var post = await fixture.Api().SendAsync(HttpMethod.Post, path);
        await ApiAssert.ErrorAsync(post, HttpStatusCode.MethodNotAllowed);
    }
}
