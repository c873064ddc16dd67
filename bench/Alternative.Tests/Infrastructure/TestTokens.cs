using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Recents.Bench.Alternative.Tests.Infrastructure;

/// <summary>Mints real HS256 JWTs that the service under test trusts through its configuration.</summary>
public sealed class TestTokens
{
    public const string Issuer = "https://issuer.alternative.test";
    public const string Audience = "recents-alternative-tests";

    private readonly JsonWebTokenHandler handler = new();

    public byte[] SigningKey { get; } = RandomNumberGenerator.GetBytes(32);

    /// <summary>The JwtBearer settings (configuration keys) that make the service trust these tokens.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(SigningKey),
    };

    public string For(string userId, string scope = "itwin-platform", byte[]? signingKey = null)
    {
        var now = DateTime.UtcNow;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = new Dictionary<string, object> { ["sub"] = userId, ["scope"] = scope },
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey ?? SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
