using System.Security.Claims;
using Recents.Api.Authentication;

namespace Recents.Unit.Tests.Api.Authentication;

/// <summary>Which scopes a token grants (docs/api.md#authentication), read from the claims JwtBearer makes of it.</summary>
public sealed class ScopesTests
{
    [Theory]
    [InlineData("itwin-platform")]
    [InlineData("openid itwin-platform profile")]
    [InlineData("recents-admin itwin-platform")]
    [InlineData("  openid   itwin-platform  ")]
    public void Grants_ScopeInASpaceSeparatedScopeClaim_IsGranted(string scope)
    {
        Assert.True(Scopes.Grants(User(("scope", scope)), Scopes.ITwinPlatform));
    }

    [Theory]
    [InlineData("scope")]
    [InlineData("scp")]
    public void Grants_ScopeAmongClaimsFromAJsonArray_IsGranted(string claimType)
    {
        var user = User((claimType, "openid"), (claimType, "recents-admin"), (claimType, "profile"));

        Assert.True(Scopes.Grants(user, Scopes.RecentsAdmin));
        Assert.False(Scopes.Grants(user, Scopes.ITwinPlatform));
    }

    [Fact]
    public void Grants_ScopeInAnyOfSeveralIdentities_IsGranted()
    {
        var user = new ClaimsPrincipal(
        [
            new ClaimsIdentity([new Claim("scope", "openid")], "Bearer"),
            new ClaimsIdentity([new Claim("scp", "itwin-platform")], "Other"),
        ]);

        Assert.True(Scopes.Grants(user, Scopes.ITwinPlatform));
    }

    [Theory]
    [InlineData("ITWIN-PLATFORM")]
    [InlineData("Itwin-Platform")]
    [InlineData("itwin-platform-extra")]
    [InlineData("my-itwin-platform")]
    [InlineData("itwin")]
    [InlineData("openid,itwin-platform")]
    [InlineData("openid;itwin-platform")]
    [InlineData("")]
    public void Grants_OnlyAnotherOrPartOrDifferentlyCasedScope_IsNotGranted(string scope)
    {
        Assert.False(Scopes.Grants(User(("scope", scope)), Scopes.ITwinPlatform));
    }

    [Theory]
    [InlineData("scopes")]
    [InlineData("roles")]
    [InlineData("SCOPE")]
    [InlineData("http://schemas.microsoft.com/identity/claims/scope")]
    public void Grants_ScopeInAnotherClaimType_IsNotGranted(string claimType)
    {
        Assert.False(Scopes.Grants(User((claimType, "itwin-platform")), Scopes.ITwinPlatform));
    }

    [Fact]
    public void Grants_UserWithoutClaims_IsNotGranted()
    {
        Assert.False(Scopes.Grants(new ClaimsPrincipal(), Scopes.ITwinPlatform));
        Assert.False(Scopes.Grants(new ClaimsPrincipal(new ClaimsIdentity()), Scopes.RecentsAdmin));
    }

    [Fact]
    public void Grants_OperationScope_DoesNotGrantTheAdminScope()
    {
        var user = User(("scope", "itwin-platform"));

        Assert.False(Scopes.Grants(user, Scopes.RecentsAdmin));
    }

    private static ClaimsPrincipal User(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(claim => new Claim(claim.Type, claim.Value)), "Bearer"));
}
