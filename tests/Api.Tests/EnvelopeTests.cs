using System.Net;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>Every error in the envelope (docs/api.md#error-envelope), also those the framework produces; and the correlation id.</summary>
[Collection(RecentsApiCollection.Name)]
public sealed class EnvelopeTests(RecentsApiFixture fixture)
{
    private const string CorrelationHeader = "X-Correlation-Id";

    [Theory]
    [InlineData("GET", "/no/such/route")]
    [InlineData("GET", "/imodels")]
    [InlineData("GET", "/imodels/recents/a/b")]
    [InlineData("POST", "/nothing-here")]
    [InlineData("GET", "/admin/unknown/0d9c1c55-7d6b-4d51-9a43-000000000404")]
    public async Task UnknownRoute_Requested_Is404InTheEnvelope(string method, string path)
    {
        using var response = await fixture.Api().SendAsync(new HttpMethod(method), path, fixture.Tokens.For($"user-{Guid.NewGuid():N}"));

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownRoute_AskedForAsHtml_IsStillTheJsonEnvelope()
    {
        using var response = await fixture.Api().SendAsync(
            HttpMethod.Get, "/no/such/page", configure: ApiClient.Accept("text/html,application/xhtml+xml"));

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"type\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"title\"", body, StringComparison.Ordinal);
        Assert.NotEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("PUT", "/imodels/recents/0d9c1c55-7d6b-4d51-9a43-000000000405", new[] { "DELETE", "POST" })]
    [InlineData("PATCH", "/imodels/recents/0d9c1c55-7d6b-4d51-9a43-000000000405", new[] { "DELETE", "POST" })]
    [InlineData("GET", "/imodels/recents/0d9c1c55-7d6b-4d51-9a43-000000000405", new[] { "DELETE", "POST" })]
    [InlineData("POST", "/imodels/recents?iTwinId=0d9c1c55-7d6b-4d51-9a43-000000000405", new[] { "GET" })]
    [InlineData("POST", "/admin/organizations/0d9c1c55-7d6b-4d51-9a43-000000000405", new[] { "GET", "PUT" })]
    public async Task WrongMethod_OnAKnownPath_Is405WithAllowInTheEnvelope(string method, string path, string[] allowed)
    {
        using var response = await fixture.Api().SendAsync(new HttpMethod(method), path, fixture.Tokens.For($"user-{Guid.NewGuid():N}"));

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("code").GetString()));
        var allow = response.Content.Headers.Allow.Count > 0
            ? response.Content.Headers.Allow
            : response.Headers.TryGetValues("Allow", out var values) ? values.SelectMany(value => value.Split(',')).ToList() : [];
        Assert.Equal(allowed, allow.Select(value => value.Trim().ToUpperInvariant()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WrongMethod_WithoutAToken_IsStill405InTheEnvelope()
    {
        using var response = await fixture.Api().SendAsync(HttpMethod.Put, $"/imodels/recents/{Guid.NewGuid()}");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task AdminPut_WithAnOversizedBody_Is413InTheEnvelope()
    {
        var hugeName = new string('x', 2 * 1024 * 1024);
        var body = new IModelSpec { Name = hugeName }.ToJson(Guid.NewGuid()).ToJsonString();

        // Expect: 100-continue, so that the client waits for the refusal instead of uploading into a closed connection.
        using var response = await fixture.Api().SendAsync(
            HttpMethod.Put, $"/admin/imodels/{Guid.NewGuid()}", fixture.Tokens.ForAdmin(), request =>
            {
                request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                request.Headers.ExpectContinue = true;
            });

        await ApiAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "RequestTooLarge");
    }

    [Fact]
    public async Task Post_WithAnOversizedBody_Is413AndChangesNothing()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();

        using var response = await user.AddAsync(iModelId, request =>
        {
            request.Content = new ByteArrayContent(new byte[(1024 * 1024) + 1]);
            request.Headers.ExpectContinue = true;
        });

        await ApiAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "RequestTooLarge");
        Assert.Empty(await user.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Post_WithAnOversizedChunkedBody_ChangesNothing()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();

        try
        {
            // No Content-Length: the size is known only by reading. Refused with 413, or (if the server's refusal
            // races the upload) the connection is cut; either way the add must not have happened.
            using var response = await user.AddAsync(iModelId, request =>
            {
                request.Content = new StreamContent(new MemoryStream(new byte[2 * 1024 * 1024]));
                request.Headers.TransferEncodingChunked = true;
            });
            await ApiAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "RequestTooLarge");
        }
        catch (HttpRequestException)
        {
        }

        Assert.Empty(await user.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Request_WithOversizedHeaders_Is431InTheEnvelope()
    {
        using var response = await fixture.Api().SendAsync(
            HttpMethod.Get, $"/imodels/recents?iTwinId={Guid.NewGuid()}", fixture.Tokens.For($"user-{Guid.NewGuid():N}"),
            ApiClient.Header("X-Padding", new string('p', 40 * 1024)));

        await ApiAssert.ErrorAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge, "RequestHeadersTooLarge");
    }

    [Fact]
    public async Task Request_WithTooManyHeaders_Is431InTheEnvelope()
    {
        using var response = await fixture.Api().SendAsync(
            HttpMethod.Get, $"/imodels/recents?iTwinId={Guid.NewGuid()}", fixture.Tokens.For($"user-{Guid.NewGuid():N}"),
            request =>
            {
                for (var i = 0; i < 150; i++)
                {
                    request.Headers.TryAddWithoutValidation($"X-Extra-{i}", "x");
                }
            });

        await ApiAssert.ErrorAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge, "RequestHeadersTooLarge");
    }

    [Fact]
    public async Task Request_WithAnOverlongTarget_Is414InTheEnvelope()
    {
        using var response = await fixture.Api().SendAsync(
            HttpMethod.Get, $"/imodels/recents?iTwinId={Guid.NewGuid()}&pad={new string('q', 10 * 1024)}", fixture.Tokens.For($"user-{Guid.NewGuid():N}"));

        await ApiAssert.ErrorAsync(response, HttpStatusCode.RequestUriTooLong, "RequestUriTooLong");
    }

    [Theory]
    [InlineData("GET", "/health/live")]
    [InlineData("GET", "/imodels/recents?iTwinId=0d9c1c55-7d6b-4d51-9a43-000000000001")]
    [InlineData("POST", "/imodels/recents/not-a-guid")]
    [InlineData("GET", "/no/such/route")]
    public async Task CorrelationId_Sent_IsEchoed(string method, string path)
    {
        var correlationId = $"test-{Guid.NewGuid():N}";

        using var response = await fixture.Api().SendAsync(
            new HttpMethod(method), path, fixture.Tokens.For($"user-{Guid.NewGuid():N}"), ApiClient.Header(CorrelationHeader, correlationId));

        Assert.Equal(correlationId, Assert.Single(response.Headers.GetValues(CorrelationHeader)));
    }

    [Fact]
    public async Task CorrelationId_SentWithA401_IsEchoed()
    {
        var correlationId = Guid.NewGuid().ToString();

        using var response = await fixture.Api().SendAsync(
            HttpMethod.Get, $"/imodels/recents?iTwinId={Guid.NewGuid()}", configure: ApiClient.Header(CorrelationHeader, correlationId));

        await ApiAssert.UnauthorizedAsync(response, credentialsSent: false);
        Assert.Equal(correlationId, Assert.Single(response.Headers.GetValues(CorrelationHeader)));
    }

    [Fact]
    public async Task CorrelationId_Absent_IsGeneratedAndDiffersBetweenRequests()
    {
        var user = fixture.NewUser();

        using var first = await user.ListAsync(Guid.NewGuid());
        using var second = await user.ListAsync(Guid.NewGuid());

        var firstId = Assert.Single(first.Headers.GetValues(CorrelationHeader));
        var secondId = Assert.Single(second.Headers.GetValues(CorrelationHeader));
        Assert.False(string.IsNullOrWhiteSpace(firstId));
        Assert.False(string.IsNullOrWhiteSpace(secondId));
        Assert.NotEqual(firstId, secondId);
    }

    [Fact]
    public async Task CorrelationId_OnASuccess_IsThereToo()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();

        using var response = await user.AddAsync(iModelId);

        await ApiAssert.NoContentAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(response.Headers.GetValues(CorrelationHeader))));
    }
}
