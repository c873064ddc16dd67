using System.Security.Claims;
using Recents.Api.RateLimiting;

namespace Recents.Unit.Tests.Api.RateLimiting;

/// <summary>Budgets belong to the client application: <c>client_id</c>, else <c>azp</c>, else the hashed <c>sub</c> (docs/api.md#rate-limits).</summary>
public sealed class ClientApplicationTests
{
    [Fact]
    public void IdOf_TokenWithClientIdAzpAndSub_IsTheClientId()
    {
        Assert.Equal("client", ClientApplication.IdOf(User(("sub", "user"), ("azp", "party"), ("client_id", "client"))));
    }

    [Fact]
    public void IdOf_TokenWithoutClientId_IsTheAzp()
    {
        Assert.Equal("party", ClientApplication.IdOf(User(("sub", "user"), ("azp", "party"))));
    }

    [Fact]
    public void IdOf_TokenWithOnlyASubject_IsTheSubjectsHashNotTheSubject()
    {
        var id = ClientApplication.IdOf(User(("sub", "alice@example.com")));

        Assert.Equal(ClientApplication.OfSubject("alice@example.com"), id);
        Assert.StartsWith(ClientApplication.SubjectPrefix, id, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", id, StringComparison.Ordinal);
        Assert.NotEqual(ClientApplication.OfSubject("bob@example.com"), id);
    }

    [Fact]
    public void IdOf_TokenWithNoneOfTheThree_IsNull()
    {
        Assert.Null(ClientApplication.IdOf(User(("scope", "itwin-platform"), ("appid", "app"))));
    }

    private static ClaimsPrincipal User(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(claim => new Claim(claim.Type, claim.Value)), "Bearer"));
}
