using System.Text.Json;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>
/// Page links (docs/api.md#list-recents): behind a proxy the deployment sets <c>ForwardedHeaders:Enabled</c>, and the hrefs then use
/// <c>X-Forwarded-Proto/Host</c>. Starts a second API host, joined to the shared cluster, with that setting.
/// </summary>
[Collection(RecentsApiCollection.Name)]
public sealed class ForwardedHeadersTests(RecentsApiFixture fixture)
{
    [Fact]
    public async Task Links_WithForwardedHeadersEnabled_HonourXForwardedProtoAndHost()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        await user.AddAllAsync(await directory.AddIModelsAsync(3));
        var settings = fixture.ClusterSettings
            .Concat(fixture.Tokens.ApiSettings)
            .Append(KeyValuePair.Create("ForwardedHeaders:Enabled", "true"));
        await using var proxiedApi = RecentsApiFixture.StartApi(settings);
        using var http = proxiedApi.CreateClient();

        using var response = await new ApiClient(http).SendAsync(
            HttpMethod.Get,
            $"/imodels/recents?iTwinId={directory.ITwinId}&$top=1&$skip=1",
            user.Token,
            request =>
            {
                request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
                request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "recents.example.com");
            });

        var links = (await ApiAssert.JsonAsync(response)).GetProperty("_links");
        foreach (var name in new[] { "self", "prev", "next" })
        {
            var link = links.GetProperty(name);
            Assert.Equal(JsonValueKind.Object, link.ValueKind);
            var href = new Uri(link.GetProperty("href").GetString()!);
            Assert.Equal("https", href.Scheme);
            Assert.Equal("recents.example.com", href.Authority);
            Assert.Equal("/imodels/recents", href.AbsolutePath);
        }
    }
}
