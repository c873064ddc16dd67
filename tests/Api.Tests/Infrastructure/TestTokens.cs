using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Recents.Api.Tests.Infrastructure;

/// <summary>Mints real signed JWTs for the API under test, and the broken ones it must refuse.</summary>
public sealed class TestTokens
{
    public const string Issuer = "https://issuer.recents.test";
    public const string Audience = "recents-api-tests";

    private readonly JsonWebTokenHandler handler = new();

    public byte[] SigningKey { get; } = RandomNumberGenerator.GetBytes(32);

    /// <summary>The JwtBearer settings (as configuration keys) that make the API trust these tokens.</summary>
    public IReadOnlyDictionary<string, string> ApiSettings => new Dictionary<string, string>
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(SigningKey),
    };

    /// <summary>A valid token for <paramref name="userId"/> with a space-separated <c>scope</c> claim.</summary>
    public string For(string userId, string scope = "itwin-platform") => Create(new TokenSpec(userId) { Scope = scope });

    public string ForAdmin(string userId = "recents-test-admin") => For(userId, "recents-admin");

    public string Create(TokenSpec spec)
    {
        var claims = new Dictionary<string, object>();
        if (spec.Subject is not null)
        {
            claims["sub"] = spec.Subject;
        }

        if (spec.Scope is not null)
        {
            claims["scope"] = spec.Scope;
        }

        if (spec.ClientId is not null)
        {
            claims["client_id"] = spec.ClientId;
        }

        if (spec.Azp is not null)
        {
            claims["azp"] = spec.Azp;
        }

        if (spec.ScpArray is not null)
        {
            claims["scp"] = spec.ScpArray;
        }

        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Audience = spec.Audience,
            Claims = claims,
            IssuedAt = now + spec.NotBeforeOffset,
            NotBefore = now + spec.NotBeforeOffset,
            Expires = now + spec.ExpiresOffset,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(spec.SigningKey ?? SigningKey), SecurityAlgorithms.HmacSha256),
        };
        return handler.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) that is otherwise perfectly valid.</summary>
    public static string Unsigned(string userId, string scope = "itwin-platform")
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(
            $$"""{"sub":"{{userId}}","scope":"{{scope}}","iss":"{{Issuer}}","aud":"{{Audience}}","nbf":{{now - 60}},"iat":{{now - 60}},"exp":{{now + 3600}}}""");
        return $"{header}.{payload}.";
    }
}

public sealed record TokenSpec(string? Subject)
{
    public string? Scope { get; init; } = "itwin-platform";

    public string[]? ScpArray { get; init; }

    /// <summary>The OAuth client application; rate limits are per client (docs/api.md#rate-limits).</summary>
    public string? ClientId { get; init; }

    /// <summary>The authorized party: the client when there is no <c>client_id</c>.</summary>
    public string? Azp { get; init; }

    public string Issuer { get; init; } = TestTokens.Issuer;

    public string Audience { get; init; } = TestTokens.Audience;

    public byte[]? SigningKey { get; init; }

    public TimeSpan NotBeforeOffset { get; init; } = TimeSpan.FromMinutes(-1);

    public TimeSpan ExpiresOffset { get; init; } = TimeSpan.FromHours(1);
}
