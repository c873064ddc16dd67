using System.Net;
using System.Text;
using Recents.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Recents.Api.Tests.Hostile;

[Collection(RecentsApiCollection.Name)]
public sealed class ProbeTests(RecentsApiFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Probe()
    {
        output.WriteLine($"base {fixture.Client.BaseAddress}");
        var g = Guid.NewGuid().ToString();
        output.WriteLine($"trim: {Guid.TryParseExact(" " + g + " ", "D", out _)} {Guid.TryParseExact(g + "\n", "D", out _)}");
        var user = fixture.NewUser("probe");
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var ids = await directory.AddIModelsAsync(8);
        var token = user.Token;
        using var handler = new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8, AllowAutoRedirect = false, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = fixture.Client.BaseAddress };

        async Task Send(string label, HttpMethod method, string path, Action<HttpRequestMessage>? configure = null)
        {
            try
            {
                using var request = new HttpRequestMessage(method, path);
                configure?.Invoke(request);
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                output.WriteLine($"{label}: {(int)response.StatusCode} [{response.Content.Headers.ContentType}] {body[..Math.Min(200, body.Length)]}");
            }
            catch (Exception e)
            {
                output.WriteLine($"{label}: EXCEPTION {e.GetType().Name}: {e.Message} / {e.InnerException?.Message}");
            }
        }

        Action<HttpRequestMessage> Auth(string value) => r => r.Headers.TryAddWithoutValidation("Authorization", value);
        foreach (var (label, v) in new[] { ("cr", "Bearer a\rb"), ("lf", "Bearer a\nb"), ("crlf", "Bearer a\r\nb"), ("crlfsp", "Bearer a\r\n b"), ("nul", "Bearer a\0b"), ("vt", "Bearer a\vb"), ("ff", "a\fb") })
        {
            var added = new HttpRequestMessage().Headers.TryAddWithoutValidation("X-Foo", v);
            await Send($"{label} added={added}", HttpMethod.Get, $"/imodels/recents?iTwinId={directory.ITwinId}", r => { Auth("Bearer " + token)(r); r.Headers.TryAddWithoutValidation("X-Foo", v); });
        }

        await Send("host bad", HttpMethod.Get, $"/imodels/recents?iTwinId={directory.ITwinId}", r => { Auth("Bearer " + token)(r); r.Headers.TryAddWithoutValidation("Host", "a b"); });
        await Send("host other", HttpMethod.Get, $"/imodels/recents?iTwinId={directory.ITwinId}", r => { Auth("Bearer " + token)(r); r.Headers.TryAddWithoutValidation("Host", "evil.example:1234"); });
        await Send("long url", HttpMethod.Get, $"/imodels/recents?iTwinId={directory.ITwinId}&x={new string('a', 9000)}", Auth("Bearer " + token));
        await Send("url 7k", HttpMethod.Get, $"/imodels/recents?iTwinId={directory.ITwinId}&x={new string('a', 7000)}", Auth("Bearer " + token));
        await Send("many params", HttpMethod.Get, $"/imodels/recents?iTwinId={directory.ITwinId}&{string.Join("&", Enumerable.Range(0, 1000).Select(i => $"p{i}=1"))}", Auth("Bearer " + token));
        await Send("many itwin", HttpMethod.Get, $"/imodels/recents?{string.Join("&", Enumerable.Range(0, 500).Select(i => $"iTwinId={directory.ITwinId}"))}", Auth("Bearer " + token));
        await Send("content-length body GET", HttpMethod.Get, $"/imodels/recents?iTwinId={directory.ITwinId}", r => { Auth("Bearer " + token)(r); r.Content = new StringContent("{}"); });
        await Send("TE header", HttpMethod.Get, $"/imodels/recents?iTwinId={directory.ITwinId}", r => { Auth("Bearer " + token)(r); r.Headers.TryAddWithoutValidation("TE", "trailers, deflate"); });
        await Send("Expect 100", HttpMethod.Post, $"/imodels/recents/{ids[0]}", r => { Auth("Bearer " + token)(r); r.Headers.ExpectContinue = true; r.Content = new StringContent("{}"); });
        await Send("Expect weird", HttpMethod.Post, $"/imodels/recents/{ids[0]}", r => { Auth("Bearer " + token)(r); r.Headers.TryAddWithoutValidation("Expect", "200-ok"); r.Content = new StringContent("{}"); });
        await Send("content-type bad", HttpMethod.Post, $"/imodels/recents/{ids[0]}", r => { Auth("Bearer " + token)(r); r.Content = new StringContent("{}"); r.Content.Headers.Remove("Content-Type"); r.Content.Headers.TryAddWithoutValidation("Content-Type", ";;;==="); });
        await Send("content-encoding gzip junk", HttpMethod.Put, $"/admin/organizations/{Guid.NewGuid()}", r => { Auth("Bearer " + fixture.Tokens.ForAdmin())(r); r.Content = new StringContent("{\"administrators\":[]}", Encoding.UTF8, "application/json"); r.Content.Headers.ContentEncoding.Add("gzip"); });
        await Send("x-forwarded junk", HttpMethod.Get, $"/imodels/recents?iTwinId={directory.ITwinId}", r => { Auth("Bearer " + token)(r); r.Headers.TryAddWithoutValidation("X-Forwarded-Host", "<script>"); r.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "javascript"); });
        await Send("correlation junk", HttpMethod.Get, $"/imodels/recents?iTwinId={directory.ITwinId}", r => { Auth("Bearer " + token)(r); r.Headers.TryAddWithoutValidation("X-Correlation-Id", new string('x', 5000)); });
        await Send("prefer junk", HttpMethod.Get, $"/imodels/recents?iTwinId={directory.ITwinId}", r => { Auth("Bearer " + token)(r); r.Headers.TryAddWithoutValidation("Prefer", "return=representation, , ;;; return=minimal"); });
        await Send("accept huge", HttpMethod.Get, $"/imodels/recents?iTwinId={directory.ITwinId}", r => { Auth("Bearer " + token)(r); r.Headers.TryAddWithoutValidation("Accept", string.Join(",", Enumerable.Repeat("application/json;q=0.5", 500))); });
        await Send("accept q junk", HttpMethod.Get, $"/imodels/recents?iTwinId={directory.ITwinId}", r => { Auth("Bearer " + token)(r); r.Headers.TryAddWithoutValidation("Accept", "application/json;q=abc"); });
        await Send("accept q 2", HttpMethod.Get, $"/imodels/recents?iTwinId={directory.ITwinId}", r => { Auth("Bearer " + token)(r); r.Headers.TryAddWithoutValidation("Accept", "application/json;q=2"); });
        await Send("accept two headers", HttpMethod.Get, $"/imodels/recents?iTwinId={directory.ITwinId}", r => { Auth("Bearer " + token)(r); r.Headers.TryAddWithoutValidation("Accept", new[] { "text/html", "application/json" }); });
        output.WriteLine(string.Join(",", ids));
    }
}
