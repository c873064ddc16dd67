using System.Net;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>
/// In production JwtBearer fetches signing keys from the OIDC authority. When the authority cannot be reached,
/// a caller's token may be perfectly valid: the answer is 503 with Retry-After (retry later), not 401
/// (throw the token away). Starts a second API host, joined to the shared cluster, whose authority is down.
/// </summary>
[Collection(RecentsApiCollection.Name)]
public sealed class IdentityProviderOutageTests(RecentsApiFixture fixture)
{
    [Fact]
    public async Task Request_WithTheAuthorityUnreachable_Is503Not401()
    {
        var unreachableAuthority = $"http://127.0.0.1:{FreePorts.Next()}";
        var settings = fixture.ClusterSettings
            .Append(KeyValuePair.Create("Authentication:Schemes:Bearer:Authority", unreachableAuthority))
            .Append(KeyValuePair.Create("Authentication:Schemes:Bearer:RequireHttpsMetadata", "false"))
            .Append(KeyValuePair.Create("Authentication:Schemes:Bearer:ValidAudiences:0", TestTokens.Audience));
        await using var api = RecentsApiFixture.StartApi(settings);
        using var http = api.CreateClient();

        using var response = await new ApiClient(http).SendAsync(
            HttpMethod.Get, $"/imodels/recents?iTwinId={Guid.NewGuid()}", fixture.Tokens.For($"user-{Guid.NewGuid():N}"));

        await ApiAssert.ErrorAsync(response, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
        Assert.Single(response.Headers.GetValues("Retry-After"));
    }
}
