using System.Net.Http.Headers;
using Recents.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Recents.Api.Tests.Hostile;

/// <summary>
/// Requests that Kestrel refuses while parsing, before any middleware runs: a NUL, CR or LF inside a header value, an
/// encoded NUL in the path, a Host that is not a host. docs/api.md#error-envelope says every non-2xx carries the envelope; these get
/// Kestrel's bare 400 (no Content-Type, no body, no correlation id), which no application code can change: a known
/// deviation, listed in docs/api.md#limits. This test holds what can be held: a 400, never a 5xx, and the API still serving
/// afterwards. The hostile corpus leaves these requests out so that its figures stay about the API. (Oversized headers, header counts and request
/// targets are the same kind of refusal above twice the API's own limits; RequestSizeLimits in src/Api documents those,
/// and no test goes beyond them.)
/// </summary>
[Collection(RecentsApiCollection.Name)]
public sealed class KestrelLevelRejectionTests(RecentsApiFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Requests_KestrelRefusesWhileParsing_GetABare400AndNeverA5xx()
    {
        var token = fixture.Tokens.For($"kestrel-{Guid.NewGuid():N}");
        var path = $"/imodels/recents/{Guid.NewGuid()}";
        var cases = new (string Name, string Path, Action<HttpRequestMessage> Configure)[]
        {
            ("NUL in a header value", path, request => request.Headers.TryAddWithoutValidation("X-Hostile", "a\0b")),
            ("CR in a header value", path, request => request.Headers.TryAddWithoutValidation("X-Hostile", "a\rb")),
            ("LF in a header value", path, request => request.Headers.TryAddWithoutValidation("X-Hostile", "a\nb")),
            ("NUL in the Authorization header", path, request =>
            {
                request.Headers.Remove("Authorization");
                request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}\0");
            }),
            ("an encoded NUL in the path", "/imodels/recents/%00", _ => { }),
            ("an encoded NUL after a valid id", path + "%00", _ => { }),
            ("a Host header that is not a host", path, request => request.Headers.TryAddWithoutValidation("Host", "a b")),
        };

        using var http = HostileHttp.Create(fixture, maxConnections: 1);
        var problems = new List<string>();
        foreach (var (name, requestPath, configure) in cases)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, requestPath);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            configure(request);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            var envelope = new List<string>();
            ResponseChecks.CheckEnvelope(response, body, envelope);
            output.WriteLine($"{name}: {status}, Content-Type {response.Content.Headers.ContentType?.ToString() ?? "(none)"}, body '{HostileRequest.Shorten(body, 200)}'");
            if (status >= 500)
            {
                problems.Add($"{name}: a server error {status}");
            }

            if (status != 400)
            {
                problems.Add($"POST {requestPath} with {name}: {status}, not Kestrel's 400; if the API answered, it must be in the envelope ({string.Join("; ", envelope)})");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        using var healthy = await fixture.Client.GetAsync("/health/live");
        Assert.Equal(System.Net.HttpStatusCode.OK, healthy.StatusCode);
    }
}
