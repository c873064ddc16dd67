using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>
/// Header values that are not ASCII reach the application and are answered in the envelope (docs/api.md#common-rules),
/// not with Kestrel's bare 400. The client sends them as Latin-1 bytes (<c>é</c> is the byte 0xE9), which are not UTF-8:
/// Kestrel's default decoding refuses them while parsing.
/// </summary>
[Collection(RecentsApiCollection.Name)]
public sealed class NonAsciiHeaderTests(RecentsApiFixture fixture) : IDisposable
{
    private readonly HttpClient latin1Client = new(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1 })
    {
        BaseAddress = fixture.Client.BaseAddress,
    };

    [Theory]
    [InlineData("Bearer café")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.é.ü")]
    [InlineData("Bäarer token")]
    public async Task Authorization_NotAscii_Is401InTheEnvelope(string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/imodels/recents?iTwinId={Guid.NewGuid()}");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await latin1Client.SendAsync(request);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CorrelationId_NotAscii_IsReplacedAndTheRequestServed()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/imodels/recents/{iModelId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Tokens.For(user.Id));
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", "corrélation");
        request.Headers.TryAddWithoutValidation("X-Note", "café crème");

        using var response = await latin1Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var correlationId = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.Matches("^[0-9a-f]{32}$", correlationId);
    }

    public void Dispose() => latin1Client.Dispose();
}
