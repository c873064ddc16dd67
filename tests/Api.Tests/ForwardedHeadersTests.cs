using System.Text.Json;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>
/// Where page links point (docs/api.md#list-recents, docs/operations.md#proxies-and-links): forwarded headers count only
/// from a configured proxy, and a configured public base URL outweighs every header. Each test starts a second API
/// host, joined to the shared cluster, with its own settings; this client reaches it from loopback.
/// </summary>
[Collection(RecentsApiCollection.Name)]
public sealed class ForwardedHeadersTests(RecentsApiFixture fixture)
{
    private const string Forwarding = "ForwardedHeaders:Enabled";
    private const string TrustedNetwork = "ForwardedHeaders:KnownNetworks:0";
    private const string TrustedProxy = "ForwardedHeaders:KnownProxies:0";
    private const string PublicBaseUrl = "Links:PublicBaseUrl";

    /// <summary>This test process, as a proxy: the API sees its connections come from loopback, over IPv4 or IPv6.</summary>
    private static readonly Dictionary<string, string> LoopbackIsTheProxy = new()
    {
        [Forwarding] = "true",
        [TrustedNetwork] = "127.0.0.0/8",
        [TrustedProxy] = "::1",
    };

    [Fact]
    public async Task Links_FromATrustedProxy_HonourXForwardedProtoAndHost()
    {
        await using var api = StartApi(LoopbackIsTheProxy);
        using var http = api.CreateClient();

        var links = await RecentsLinksAsync(http, request =>
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
            request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "recents.example.com");
        });

        AssertAllUnder(links, "https://recents.example.com/imodels/recents");
    }

    [Fact]
    public async Task Links_FromAPeerThatIsNoKnownProxy_IgnoreSpoofedXForwardedProtoAndHost()
    {
        await using var api = StartApi(new() { [Forwarding] = "true", [TrustedProxy] = "10.1.2.3", [TrustedNetwork] = "10.244.0.0/16" });
        using var http = api.CreateClient();

        var links = await RecentsLinksAsync(http, request =>
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
            request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "attacker.example");
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", "10.1.2.3");
        });

        AssertAllUnder(links, new Uri(http.BaseAddress!, "/imodels/recents").ToString());
    }

    [Theory]
    [InlineData("Host")]
    [InlineData("X-Forwarded-Host")]
    [InlineData("Host and X-Forwarded-Host")]
    public async Task Links_WithAPublicBaseUrl_IgnoreASpoofedHostOrForwardedHostEvenFromATrustedProxy(string spoofed)
    {
        var settings = new Dictionary<string, string>(LoopbackIsTheProxy) { [PublicBaseUrl] = "https://recents.example.com/api/" };
        await using var api = StartApi(settings);
        using var http = api.CreateClient();

        void Spoof(HttpRequestMessage request)
        {
            if (spoofed.StartsWith("Host", StringComparison.Ordinal))
            {
                request.Headers.Host = "attacker.example";
            }

            if (spoofed.EndsWith("X-Forwarded-Host", StringComparison.Ordinal))
            {
                request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "http");
                request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "forwarded.attacker.example");
            }
        }

        AssertAllUnder(await RecentsLinksAsync(http, Spoof), "https://recents.example.com/api/imodels/recents");
        AssertAllUnder(await FavoritesLinksAsync(http, Spoof), "https://recents.example.com/api/imodels/favorites");
    }

    [Theory]
    [InlineData(Forwarding, "true", "ForwardedHeaders:KnownProxies")]
    [InlineData(TrustedNetwork, "10.0.0.0/33", "ForwardedHeaders:KnownNetworks:0: '10.0.0.0/33'")]
    [InlineData(TrustedProxy, "proxy.internal", "ForwardedHeaders:KnownProxies:0: 'proxy.internal'")]
    [InlineData(PublicBaseUrl, "recents.example.com", "Links:PublicBaseUrl: 'recents.example.com'")]
    public void Start_WithAnInvalidProxyOrLinksSetting_IsRefusedNamingIt(string key, string value, string expected)
    {
        var refusal = Record.Exception(() => StartApi(new() { [key] = value }).Dispose());

        Assert.NotNull(refusal);
        Assert.Contains(expected, refusal.ToString(), StringComparison.Ordinal);
    }

    private ApiFactory StartApi(Dictionary<string, string> settings) =>
        RecentsApiFixture.StartApi(fixture.ClusterSettings.Concat(fixture.Tokens.ApiSettings).Concat(settings));

    /// <summary>The links of the middle page of three recents, listed through <paramref name="http"/>.</summary>
    private async Task<JsonElement> RecentsLinksAsync(HttpClient http, Action<HttpRequestMessage> configure)
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        await user.AddAllAsync(await directory.AddIModelsAsync(3));

        using var response = await new ApiClient(http).SendAsync(
            HttpMethod.Get, $"/imodels/recents?iTwinId={directory.ITwinId}&$top=1&$skip=1", user.Token, configure);

        var links = (await ApiAssert.JsonAsync(response)).GetProperty("_links");
        Assert.Equal(3, links.EnumerateObject().Count(link => link.Value.ValueKind == JsonValueKind.Object));
        return links;
    }

    /// <summary>The links of the first page of two favorites (paged by continuation token), listed through <paramref name="http"/>.</summary>
    private async Task<JsonElement> FavoritesLinksAsync(HttpClient http, Action<HttpRequestMessage> configure)
    {
        var user = fixture.NewFavoritesUser();
        var directory = await fixture.NewDirectory().WithViewer(user.User.Id).SaveAsync();
        await user.AddAllAsync(await directory.AddIModelsAsync(2));

        using var response = await new ApiClient(http).SendAsync(
            HttpMethod.Get, $"{FavoritesCaller.Path}?iTwinId={directory.ITwinId}&$top=1", user.User.Token, configure);

        var links = (await ApiAssert.JsonAsync(response)).GetProperty("_links");
        Assert.Contains("$continuationToken=", links.GetProperty("next").GetProperty("href").GetString(), StringComparison.Ordinal);
        return links;
    }

    /// <summary>Every link that is not null starts with <paramref name="page"/> followed by its query.</summary>
    private static void AssertAllUnder(JsonElement links, string page)
    {
        foreach (var link in links.EnumerateObject().Where(link => link.Value.ValueKind != JsonValueKind.Null))
        {
            var href = link.Value.GetProperty("href").GetString();
            Assert.StartsWith(page + "?", href, StringComparison.Ordinal);
        }
    }
}
