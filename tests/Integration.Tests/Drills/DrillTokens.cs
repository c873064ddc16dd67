using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Recents.Integration.Tests.Drills;

/// <summary>Real HS256 bearer tokens for the drill's users, and the API settings that make the API trust them.</summary>
internal sealed class DrillTokens
{
    public const string ClientId = "recents-drill-load";
    private const string Issuer = "https://issuer.recents-drill.test";
    private const string Audience = "recents-drill";
    private readonly byte[] signingKey = RandomNumberGenerator.GetBytes(32);
    private readonly JsonWebTokenHandler handler = new();

    public IReadOnlyDictionary<string, string> ApiEnvironment => new Dictionary<string, string>
    {
        ["Authentication__Schemes__Bearer__ValidIssuer"] = Issuer,
        ["Authentication__Schemes__Bearer__ValidAudiences__0"] = Audience,
        ["Authentication__Schemes__Bearer__SigningKeys__0__Issuer"] = Issuer,
        ["Authentication__Schemes__Bearer__SigningKeys__0__Value"] = Convert.ToBase64String(signingKey),
    };

    /// <summary>
    /// Settings that make an API trust these tokens besides the issuers it already trusts (./run.sh's development tokens):
    /// configuration merges list entries by index, so these take an index no other source uses.
    /// </summary>
    public IReadOnlyDictionary<string, string> AdditionalIssuerEnvironment => new Dictionary<string, string>
    {
        ["Authentication__Schemes__Bearer__ValidIssuers__90"] = Issuer,
        ["Authentication__Schemes__Bearer__ValidAudiences__90"] = Audience,
        ["Authentication__Schemes__Bearer__SigningKeys__90__Issuer"] = Issuer,
        ["Authentication__Schemes__Bearer__SigningKeys__90__Value"] = Convert.ToBase64String(signingKey),
    };

    public string For(string userId, string scope = "itwin-platform") => handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Expires = DateTime.UtcNow.AddHours(1),
        Claims = new Dictionary<string, object> { ["sub"] = userId, ["scope"] = scope, ["client_id"] = ClientId },
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey), SecurityAlgorithms.HmacSha256),
    });
}
