using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests.Hostile;

/// <summary>
/// Writes JWTs byte by byte (header and payload JSON as given, HMAC-SHA256 with the test key or any other), so a
/// test can send what no token library would produce: claims of the wrong type, lone surrogates, control
/// characters, broken JSON, a lying <c>alg</c>.
/// </summary>
public sealed class JwtForge(byte[] signingKey)
{
    public const string Hs256Header = """{"alg":"HS256","typ":"JWT"}""";

    public byte[] SigningKey => signingKey;

    /// <summary>The claims of a valid <c>itwin-platform</c> token for <paramref name="subject"/>, as raw JSON values; edit, then <see cref="Sign"/>.</summary>
    public static Dictionary<string, string> Claims(string subject, string scope = "itwin-platform")
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new Dictionary<string, string>
        {
            ["iss"] = Quote(TestTokens.Issuer),
            ["aud"] = Quote(TestTokens.Audience),
            ["sub"] = Quote(subject),
            ["scope"] = Quote(scope),
            ["nbf"] = Number(now - 60),
            ["iat"] = Number(now - 60),
            ["exp"] = Number(now + 3600),
        };
    }

    public static string Payload(IReadOnlyDictionary<string, string> claims) =>
        "{" + string.Join(",", claims.Select(claim => $"{Quote(claim.Key)}:{claim.Value}")) + "}";

    public string Sign(IReadOnlyDictionary<string, string> claims, byte[]? key = null, string header = Hs256Header) =>
        SignRaw(header, Payload(claims), key);

    /// <summary><c>base64url(header).base64url(payload).HMAC-SHA256</c> over exactly these bytes.</summary>
    public string SignRaw(string headerJson, string payloadJson, byte[]? key = null)
    {
        var signingInput = $"{Segment(headerJson)}.{Segment(payloadJson)}";
        var signature = HMACSHA256.HashData(key ?? signingKey, Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>A token segment: the UTF-8 bytes of <paramref name="json"/>, base64url (lone surrogates become U+FFFD here, so callers escape them as <c>\ud800</c>).</summary>
    public static string Segment(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    /// <summary>A JSON string literal that escapes everything outside printable ASCII as <c>\uXXXX</c> (lone surrogates included).</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c is < ' ' or > '~')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Array(params string[] values) => "[" + string.Join(",", values.Select(Quote)) + "]";
}
