using System.Net;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>Authentication (docs/api.md#authentication) and the admin scope (docs/api.md#directory-administration): every way a token can be refused, on every operation.</summary>
[Collection(RecentsApiCollection.Name)]
public sealed class AuthenticationTests(RecentsApiFixture fixture)
{
    private const string MissingHeaderMessage = "Header Authorization was not found in the request. Access denied.";

    /// <summary>An id that no test ever stores, so theory names stay stable from run to run.</summary>
    private const string NeverStored = "0d9c1c55-7d6b-4d51-9a43-000000000401";

    /// <summary>An operation of the API: method and path.</summary>
    public static TheoryData<string, string> RecentsOperations => new()
    {
        { "POST", $"/imodels/recents/{NeverStored}" },
        { "DELETE", $"/imodels/recents/{NeverStored}" },
        { "GET", $"/imodels/recents?iTwinId={NeverStored}" },
    };

    public static TheoryData<string, string> AdminOperations => new()
    {
        { "GET", $"/admin/organizations/{NeverStored}" },
        { "PUT", $"/admin/organizations/{NeverStored}" },
        { "GET", $"/admin/itwins/{NeverStored}" },
        { "PUT", $"/admin/itwins/{NeverStored}" },
        { "GET", $"/admin/imodels/{NeverStored}" },
        { "PUT", $"/admin/imodels/{NeverStored}" },
        { "DELETE", $"/admin/imodels/{NeverStored}" },
    };

    /// <summary>Every kind of bad bearer token that a recents operation must refuse with 401 Unauthorized.</summary>
    public static TheoryData<string> InvalidTokenCases =>
    [
        "garbage",
        "three garbage segments",
        "empty token",
        "alg none",
        "expired",
        "not yet valid",
        "wrong issuer",
        "wrong audience",
        "wrong signing key",
        "scope other",
        "no scope at all",
        "admin scope only",
        "scope that merely contains itwin-platform",
        "missing sub",
        "sub of 129 characters",
        "sub with a control character",
        "empty sub",
    ];

    [Theory]
    [MemberData(nameof(RecentsOperations))]
    public async Task Request_WithoutAuthorization_Is401HeaderNotFoundWithABareBearerChallenge(string method, string path)
    {
        using var response = await fixture.Api().SendAsync(new HttpMethod(method), path);

        var error = await ApiAssert.UnauthorizedAsync(response, credentialsSent: false);
        Assert.Equal(MissingHeaderMessage, error.GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(RecentsOperations))]
    public async Task Request_WithBasicCredentials_Is401Unauthorized(string method, string path)
    {
        using var response = await fixture.Api().SendWithAuthorizationAsync(new HttpMethod(method), path, "Basic xyz");

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
        AssertSaysTokenIsInvalid(error);
        var challenge = Assert.Single(response.Headers.GetValues("WWW-Authenticate"));
        Assert.StartsWith("Bearer", challenge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithBearerSchemeButNoToken_Is401Unauthorized()
    {
        using var response = await fixture.Api().SendWithAuthorizationAsync(HttpMethod.Get, $"/imodels/recents?iTwinId={Guid.NewGuid()}", "Bearer");

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
        AssertSaysTokenIsInvalid(error);
        Assert.StartsWith("Bearer", Assert.Single(response.Headers.GetValues("WWW-Authenticate")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidTokenCases))]
    public async Task Get_WithAnInvalidToken_Is401UnauthorizedWithAnInvalidTokenChallenge(string tokenCase)
    {
        using var response = await fixture.Api().SendWithAuthorizationAsync(
            HttpMethod.Get, $"/imodels/recents?iTwinId={Guid.NewGuid()}", $"Bearer {InvalidToken(tokenCase)}");

        var error = await ApiAssert.UnauthorizedAsync(response, credentialsSent: true);
        AssertSaysTokenIsInvalid(error);
    }

    [Theory]
    [MemberData(nameof(InvalidTokenCases))]
    public async Task Post_WithAnInvalidToken_Is401UnauthorizedBeforeLookingAtTheIModel(string tokenCase)
    {
        using var response = await fixture.Api().SendWithAuthorizationAsync(
            HttpMethod.Post, $"/imodels/recents/{Guid.NewGuid()}", $"Bearer {InvalidToken(tokenCase)}");

        await ApiAssert.UnauthorizedAsync(response, credentialsSent: true);
    }

    [Theory]
    [MemberData(nameof(InvalidTokenCases))]
    public async Task Delete_WithAnInvalidToken_Is401Unauthorized(string tokenCase)
    {
        using var response = await fixture.Api().SendWithAuthorizationAsync(
            HttpMethod.Delete, $"/imodels/recents/{Guid.NewGuid()}", $"Bearer {InvalidToken(tokenCase)}");

        await ApiAssert.UnauthorizedAsync(response, credentialsSent: true);
    }

    [Fact]
    public async Task Request_WithoutTheScope_MessageExplainsTheMissingScope()
    {
        using var response = await fixture.Api().SendAsync(
            HttpMethod.Get, $"/imodels/recents?iTwinId={Guid.NewGuid()}", fixture.Tokens.For($"user-{Guid.NewGuid():N}", "other"));

        var error = await ApiAssert.UnauthorizedAsync(response, credentialsSent: true);
        Assert.Contains("scope", error.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Request_WithAnExpiredToken_MessageSaysItExpired()
    {
        var token = fixture.Tokens.Create(new TokenSpec($"user-{Guid.NewGuid():N}")
        {
            NotBeforeOffset = TimeSpan.FromHours(-2),
            ExpiresOffset = TimeSpan.FromHours(-1),
        });
        using var response = await fixture.Api().SendAsync(HttpMethod.Get, $"/imodels/recents?iTwinId={Guid.NewGuid()}", token);

        var error = await ApiAssert.UnauthorizedAsync(response, credentialsSent: true);
        Assert.Contains("expire", error.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Request_WithAValidToken_ReachesTheOperation()
    {
        var user = fixture.NewUser();

        using var response = await user.ListAsync(Guid.NewGuid());

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "iTwinNotFound");
    }

    [Fact]
    public async Task Request_SpaceSeparatedScopeWithITwinPlatform_IsAccepted()
    {
        var user = fixture.UserWithId($"user-{Guid.NewGuid():N}");
        var token = fixture.Tokens.For(user.Id, "openid profile itwin-platform email");

        using var response = await fixture.Api().SendAsync(HttpMethod.Get, $"/imodels/recents?iTwinId={Guid.NewGuid()}", token);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "iTwinNotFound");
    }

    [Theory]
    [InlineData("itwin-platform")]
    [InlineData("openid itwin-platform")]
    public async Task Request_ScpArrayWithITwinPlatform_IsAccepted(string scpElements)
    {
        var scp = scpElements.Split(' ');
        var directory = fixture.NewDirectory();
        var userId = $"user-{Guid.NewGuid():N}";
        await directory.WithViewer(userId).SaveAsync();
        var iModelId = await directory.AddIModelAsync();
        var token = fixture.Tokens.Create(new TokenSpec(userId) { Scope = null, ScpArray = scp });

        using var added = await fixture.Api().SendAsync(HttpMethod.Post, $"/imodels/recents/{iModelId}", token);
        await ApiAssert.NoContentAsync(added);
        using var listed = await fixture.Api().SendAsync(HttpMethod.Get, $"/imodels/recents?iTwinId={directory.ITwinId}", token);

        var page = await ApiAssert.JsonAsync(listed);
        Assert.Equal([iModelId], RecentsUser.IdsOf(page));
    }

    [Fact]
    public async Task Request_ScpArrayWithoutITwinPlatform_IsRefused()
    {
        var token = fixture.Tokens.Create(new TokenSpec($"user-{Guid.NewGuid():N}") { Scope = null, ScpArray = ["openid", "recents-admin"] });

        using var response = await fixture.Api().SendAsync(HttpMethod.Get, $"/imodels/recents?iTwinId={Guid.NewGuid()}", token);

        await ApiAssert.UnauthorizedAsync(response, credentialsSent: true);
    }

    [Fact]
    public async Task Request_SubOfExactly128PrintableCharacters_IsAccepted()
    {
        var directory = fixture.NewDirectory();
        var userId = $"u{Guid.NewGuid():N}".PadRight(128, 'x');
        await directory.WithViewer(userId).SaveAsync();
        var iModelId = await directory.AddIModelAsync();
        var user = fixture.UserWithId(userId);

        using var added = await user.AddAsync(iModelId);

        await ApiAssert.NoContentAsync(added);
        Assert.Equal([iModelId], await user.ListIdsAsync(directory.ITwinId));
    }

    [Theory]
    [MemberData(nameof(AdminOperations))]
    public async Task Admin_WithoutAuthorization_Is401HeaderNotFound(string method, string path)
    {
        using var response = await fixture.Api().SendAsync(new HttpMethod(method), path, configure: ApiClient.JsonBody("{}"));

        var error = await ApiAssert.UnauthorizedAsync(response, credentialsSent: false);
        Assert.Equal(MissingHeaderMessage, error.GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(AdminOperations))]
    public async Task Admin_WithAnITwinPlatformToken_Is401Not403(string method, string path)
    {
        var token = fixture.Tokens.For($"user-{Guid.NewGuid():N}");

        using var response = await fixture.Api().SendAsync(new HttpMethod(method), path, token, ApiClient.JsonBody("{}"));

        await ApiAssert.UnauthorizedAsync(response, credentialsSent: true);
    }

    [Fact]
    public async Task Admin_WithAnExpiredAdminToken_Is401()
    {
        var token = fixture.Tokens.Create(new TokenSpec("recents-test-admin")
        {
            Scope = "recents-admin",
            NotBeforeOffset = TimeSpan.FromHours(-2),
            ExpiresOffset = TimeSpan.FromHours(-1),
        });

        using var response = await fixture.Api().SendAsync(HttpMethod.Get, $"/admin/organizations/{Guid.NewGuid()}", token);

        await ApiAssert.UnauthorizedAsync(response, credentialsSent: true);
    }

    [Fact]
    public async Task Admin_WithAnAdminToken_ReachesTheOperation()
    {
        using var response = await fixture.Api().SendAsync(HttpMethod.Get, $"/admin/organizations/{Guid.NewGuid()}", fixture.Tokens.ForAdmin());

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound);
    }

    private string InvalidToken(string tokenCase)
    {
        var userId = $"user-{Guid.NewGuid():N}";
        var tokens = fixture.Tokens;
        return tokenCase switch
        {
            "garbage" => "not-a-jwt",
            "three garbage segments" => "abc.def.ghi",
            "empty token" => "    ",
            "alg none" => TestTokens.Unsigned(userId),
            "expired" => tokens.Create(new TokenSpec(userId) { NotBeforeOffset = TimeSpan.FromHours(-2), ExpiresOffset = TimeSpan.FromHours(-1) }),
            "not yet valid" => tokens.Create(new TokenSpec(userId) { NotBeforeOffset = TimeSpan.FromHours(1), ExpiresOffset = TimeSpan.FromHours(2) }),
            "wrong issuer" => tokens.Create(new TokenSpec(userId) { Issuer = "https://someone-else.example" }),
            "wrong audience" => tokens.Create(new TokenSpec(userId) { Audience = "another-api" }),
            "wrong signing key" => tokens.Create(new TokenSpec(userId) { SigningKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32) }),
            "scope other" => tokens.For(userId, "other"),
            "no scope at all" => tokens.Create(new TokenSpec(userId) { Scope = null }),
            "admin scope only" => tokens.ForAdmin(userId),
            "scope that merely contains itwin-platform" => tokens.For(userId, "itwin-platform-extra not-itwin-platform"),
            "missing sub" => tokens.Create(new TokenSpec(null)),
            "sub of 129 characters" => tokens.For(new string('a', 129)),
            "sub with a control character" => tokens.For("user\u0007bell"),
            "empty sub" => tokens.For(""),
            _ => throw new ArgumentOutOfRangeException(nameof(tokenCase), tokenCase, "Unknown token case."),
        };
    }

    private static void AssertSaysTokenIsInvalid(System.Text.Json.JsonElement error)
    {
        var message = error.GetProperty("message").GetString();
        Assert.Contains("token", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("invalid", message, StringComparison.OrdinalIgnoreCase);
    }
}
