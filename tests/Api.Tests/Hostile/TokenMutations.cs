using System.Security.Cryptography;
using System.Text;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests.Hostile;

/// <summary>
/// Tokens and <c>Authorization</c> headers for the hostile corpus: the valid shapes a real client may send, and
/// every way to tamper with them (docs/api.md#authentication: all of the latter are 401).
/// </summary>
public sealed class TokenMutations
{
    private const string Platform = "itwin-platform";
    private const string Admin = "recents-admin";

    private static readonly string[] GarbageTokens =
    [
        "garbage", "a.b.c", "...", "e30.e30.", "e30.e30.e30", "null", "undefined", "{}", "[]", "%00", "\\u0000",
        "Bearer", "' OR '1'='1", "<script>alert(1)</script>", "../../etc/passwd", "tökén😀", "a\u0001b", "a\u007fb",
        "\u00a0", "eyJhbGciOiJub25lIn0", "eyJ.eyJ.eyJ", "=", "..=", "\u202e" + "txt.exe",
    ];

    private static readonly string[] BadScopes =
        ["itwin-platformX", "ITWIN-PLATFORM", "itwin_platform", "xitwin-platform", "itwin-platform,openid", "openid profile", ""];

    private readonly TestTokens tokens;
    private readonly JwtForge forge;
    private readonly List<(string Name, Func<Random, string, string, TokenCase> Build)> hostile = [];

    public TokenMutations(TestTokens tokens)
    {
        this.tokens = tokens;
        forge = new JwtForge(tokens.SigningKey);
        RegisterHostileCases();
    }

    /// <summary>A genuine <c>itwin-platform</c> token for <paramref name="userId"/>, in one of the shapes real issuers produce.</summary>
    public TokenCase Valid(Random rng, string userId)
    {
        switch (rng.Next(7))
        {
            case 0:
                return Good("library-made token", tokens.For(userId), userId);
            case 1:
                return Good("forged standard token", forge.Sign(JwtForge.Claims(userId)), userId);
            case 2:
                return Good("scope among others", forge.Sign(JwtForge.Claims(userId, $"openid {Platform} profile")), userId);
            case 3:
            {
                var claims = JwtForge.Claims(userId);
                claims.Remove("scope");
                claims["scp"] = JwtForge.Array("openid", Platform);
                return Good("scp array", forge.Sign(claims), userId);
            }

            case 4:
            {
                var claims = JwtForge.Claims(userId);
                claims["client_id"] = JwtForge.Quote($"hostile-client-{rng.Next(4)}");
                claims["azp"] = JwtForge.Quote("hostile-azp");
                return Good("with client_id and azp", forge.Sign(claims), userId);
            }

            case 5:
            {
                // A big but genuine token: ~6-8 KiB of Authorization, well under the header limits (see HeaderCases).
                var claims = JwtForge.Claims(userId);
                claims["padding"] = JwtForge.Quote(RandomText.Base64Url(rng, rng.Next(4000, 6000)));
                return Good("large token", forge.Sign(claims), userId);
            }

            default:
                return Good("both scopes", forge.Sign(JwtForge.Claims(userId, $"{Platform} {Admin}")), userId) with { GrantsAdmin = true };
        }
    }

    /// <summary>A genuine <c>recents-admin</c> token.</summary>
    public TokenCase ValidAdmin(Random rng, string adminId)
    {
        switch (rng.Next(4))
        {
            case 0:
                return GoodAdmin("library-made admin token", tokens.ForAdmin(adminId), adminId);
            case 1:
                return GoodAdmin("forged admin token", forge.Sign(JwtForge.Claims(adminId, Admin)), adminId);
            case 2:
            {
                var claims = JwtForge.Claims(adminId);
                claims.Remove("scope");
                claims["scp"] = JwtForge.Array(Admin);
                return GoodAdmin("admin scp array", forge.Sign(claims), adminId);
            }

            default:
                return GoodAdmin("admin among scopes", forge.Sign(JwtForge.Claims(adminId, $"openid {Admin}")), adminId);
        }
    }

    /// <summary>
    /// One hostile form, built around a genuine token of <paramref name="userId"/> (or claiming <paramref name="otherUserId"/>):
    /// never a token the server may accept as anyone but <paramref name="userId"/>.
    /// </summary>
    public TokenCase Hostile(Random rng, string userId, string otherUserId)
    {
        var (_, build) = hostile[rng.Next(hostile.Count)];
        return build(rng, userId, otherUserId);
    }

    /// <summary>A token of <paramref name="userId"/> whose signature is intact but that claims <paramref name="otherUserId"/>, etc.: the isolation attacks.</summary>
    public TokenCase ImpersonationAttempt(Random rng, string userId, string victimId)
    {
        var own = forge.Sign(JwtForge.Claims(userId));
        var (header, _, signature) = Split(own);
        var victimPayload = JwtForge.Segment(JwtForge.Payload(JwtForge.Claims(victimId)));
        return rng.Next(6) switch
        {
            0 => Bad("victim's payload under own signature", $"{header}.{victimPayload}.{signature}"),
            1 => Bad("victim token signed with another key", forge.Sign(JwtForge.Claims(victimId), RandomNumberGenerator.GetBytes(32))),
            2 => Bad("victim token with alg none", TestTokens.Unsigned(victimId)),
            3 => Bad("victim token with alg none (forged)", $"{JwtForge.Segment("""{"alg":"none","typ":"JWT"}""")}.{victimPayload}."),
            4 => Bad("victim token, expired", forge.Sign(Lifetime(JwtForge.Claims(victimId), -7200, -3600))),
            _ => Bad("victim token for another audience", forge.Sign(With(JwtForge.Claims(victimId), "aud", JwtForge.Quote("other-api")))),
        };
    }

    private void RegisterHostileCases()
    {
        Add("no Authorization header", (_, _, _) => new TokenCase("no Authorization header", AuthKind.Missing, []));
        Add("empty header", (_, _, _) => Raw("empty Authorization value", ""));
        Add("scheme only", (_, _, _) => Raw("scheme only", "Bearer"));
        Add("scheme and spaces", (_, _, _) => Raw("scheme and spaces", "Bearer     "));
        Add("Basic", (_, _, _) => Raw("Basic credentials", "Basic dXNlcjpwYXNzd29yZA=="));
        Add("Digest", (_, user, _) => Raw("Digest credentials", $"Digest username=\"{user}\", realm=\"recents\", nonce=\"x\""));
        Add("Negotiate", (_, _, _) => Raw("Negotiate credentials", "Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnag"));
        Add("no scheme", (_, user, _) => Raw("token without a scheme", Own(user)));
        Add("other scheme", (_, user, _) => Raw("valid token under another scheme", "Token " + Own(user)));
        Add("tab", (_, user, _) => Raw("tab after the scheme", "Bearer\t" + Own(user)));
        Add("colon", (_, user, _) => Raw("colon after the scheme", "Bearer:" + Own(user)));
        Add("two values", (_, user, _) => new TokenCase("two Authorization values", AuthKind.Invalid, ["Bearer " + Own(user), "Bearer " + Own(user)]));
        Add("two tokens", (_, user, other) => Bad("two tokens in one value", Own(user) + " Bearer " + Own(other)));
        Add("extra word", (_, user, _) => Bad("a word after the token", Own(user) + " extra"));
        Add("garbage", (rng, _, _) => Bad("garbage token", GarbageTokens[rng.Next(GarbageTokens.Length)]));
        Add("random segments", (rng, _, _) => Bad("three random segments", string.Join(".", Enumerable.Range(0, 3).Select(_ => RandomText.Base64Url(rng, rng.Next(1, 200))))));
        Add("five segments", (rng, _, _) => Bad("five random segments (JWE shape)", string.Join(".", Enumerable.Range(0, 5).Select(_ => RandomText.Base64Url(rng, rng.Next(1, 100))))));
        Add("long junk", (rng, _, _) => Bad("8 KiB of junk", RandomText.Base64Url(rng, 8192)));
        Add("flipped signature", (rng, user, _) => Bad("a signature character changed", Flip(rng, Own(user), 2)));
        Add("flipped payload", (rng, user, _) => Bad("a payload character changed", Flip(rng, Own(user), 1)));
        Add("flipped header", (rng, user, _) => Bad("a header character changed", Flip(rng, Own(user), 0)));
        Add("truncated", (rng, user, _) => Bad("truncated", Own(user)[..^rng.Next(1, 20)]));
        Add("signature removed", (_, user, _) => Bad("signature removed", Own(user)[..(Own(user).LastIndexOf('.') + 1)]));
        Add("foreign signature", (_, user, other) =>
        {
            var (header, payload, _) = Split(Own(user));
            return Bad("another token's signature", $"{header}.{payload}.{Split(Own(other)).Signature}");
        });
        Add("trailing dot", (_, user, _) => Bad("a fourth, empty segment", Own(user) + "."));
        Add("alg none", (_, user, _) => Bad("alg none (unsigned)", TestTokens.Unsigned(user)));
        Add("alg none spelled", (rng, user, _) =>
        {
            var alg = new[] { "none", "None", "NONE", "nOnE" }[rng.Next(4)];
            return Bad($"alg {alg}", $"{JwtForge.Segment($$"""{"alg":"{{alg}}","typ":"JWT"}""")}.{JwtForge.Segment(JwtForge.Payload(JwtForge.Claims(user)))}.");
        });
        Add("alg none keeping signature", (_, user, _) =>
        {
            var (_, payload, signature) = Split(Own(user));
            return Bad("alg none with the HS256 signature kept", $"{JwtForge.Segment("""{"alg":"none","typ":"JWT"}""")}.{payload}.{signature}");
        });
        Add("alg HS512", (_, user, _) => Bad("header says HS512, signed HS256", forge.Sign(JwtForge.Claims(user), header: """{"alg":"HS512","typ":"JWT"}""")));
        Add("alg RS256", (_, user, _) => Bad("header says RS256, signed with the HMAC key", forge.Sign(JwtForge.Claims(user), header: """{"alg":"RS256","typ":"JWT"}""")));
        Add("header not JSON", (_, user, _) => Bad("header is not JSON", forge.SignRaw("not json", JwtForge.Payload(JwtForge.Claims(user)))));
        Add("header array", (_, user, _) => Bad("header is a JSON array", forge.SignRaw("[]", JwtForge.Payload(JwtForge.Claims(user)))));
        Add("payload swapped", (rng, user, other) => ImpersonationAttempt(rng, user, other));
        Add("scope escalated", (_, user, _) => Stale("scope raised, old signature", user, claims => claims["scope"] = JwtForge.Quote($"{Platform} {Admin}")));
        Add("expiry extended", (_, user, _) => Stale("expiry extended, old signature", user, claims => claims["exp"] = JwtForge.Number(DateTimeOffset.UtcNow.AddYears(5).ToUnixTimeSeconds())));
        Add("wrong key", (_, user, _) => Bad("signed with another key", forge.Sign(JwtForge.Claims(user), RandomNumberGenerator.GetBytes(32))));
        Add("empty key", (_, user, _) => Bad("signed with an empty key", forge.Sign(JwtForge.Claims(user), [])));
        Add("key off by one", (_, user, _) =>
        {
            var key = forge.SigningKey.ToArray();
            key[^1] ^= 1;
            return Bad("signed with a key one bit off", forge.Sign(JwtForge.Claims(user), key));
        });
        Add("expired", (_, user, _) => Bad("expired an hour ago", forge.Sign(Lifetime(JwtForge.Claims(user), -7200, -3600))));
        Add("expired beyond skew", (_, user, _) => Bad("expired ten minutes ago (beyond the 5 min skew)", forge.Sign(Lifetime(JwtForge.Claims(user), -4000, -600))));
        Add("not yet valid", (_, user, _) => Bad("valid from in an hour", forge.Sign(Lifetime(JwtForge.Claims(user), 3600, 7200))));
        Add("not yet valid beyond skew", (_, user, _) => Bad("valid from in ten minutes (beyond the skew)", forge.Sign(Lifetime(JwtForge.Claims(user), 600, 7200))));
        Add("exp before nbf", (_, user, _) => Bad("expires before it starts", forge.Sign(Lifetime(JwtForge.Claims(user), 3600, 1800))));
        Add("no exp", (_, user, _) => Bad("no exp", forge.Sign(Without(JwtForge.Claims(user), "exp"))));
        Add("exp string", (_, user, _) => Bad("exp is a string", forge.Sign(With(JwtForge.Claims(user), "exp", JwtForge.Quote("never")))));
        Add("exp object", (_, user, _) => Bad("exp is an object", forge.Sign(With(JwtForge.Claims(user), "exp", """{"$date":1}"""))));
        Add("exp negative", (_, user, _) => Bad("exp is negative", forge.Sign(With(JwtForge.Claims(user), "exp", "-1"))));
        Add("nbf string", (_, user, _) => Bad("nbf is a string", forge.Sign(With(JwtForge.Claims(user), "nbf", JwtForge.Quote("yesterday")))));
        Add("wrong issuer", (_, user, _) => Bad("another issuer", forge.Sign(With(JwtForge.Claims(user), "iss", JwtForge.Quote("https://evil.example")))));
        Add("issuer suffix", (_, user, _) => Bad("our issuer plus a suffix", forge.Sign(With(JwtForge.Claims(user), "iss", JwtForge.Quote(TestTokens.Issuer + ".evil")))));
        Add("no issuer", (_, user, _) => Bad("no iss", forge.Sign(Without(JwtForge.Claims(user), "iss"))));
        Add("wrong audience", (_, user, _) => Bad("another audience", forge.Sign(With(JwtForge.Claims(user), "aud", JwtForge.Quote("other-api")))));
        Add("no audience", (_, user, _) => Bad("no aud", forge.Sign(Without(JwtForge.Claims(user), "aud"))));
        Add("audience strangers", (_, user, _) => Bad("aud array of strangers", forge.Sign(With(JwtForge.Claims(user), "aud", JwtForge.Array("a", "b")))));
        Add("missing sub", (_, user, _) => Bad("no sub", forge.Sign(Without(JwtForge.Claims(user), "sub"))));
        Add("library missing sub", (_, _, _) => Bad("no sub (library-made)", tokens.Create(new TokenSpec(null))));
        Add("empty sub", (_, user, _) => Bad("empty sub", forge.Sign(With(JwtForge.Claims(user), "sub", JwtForge.Quote("")))));
        Add("null sub", (_, user, _) => Bad("sub is null", forge.Sign(With(JwtForge.Claims(user), "sub", "null"))));
        Add("sub 129", (rng, _, _) => Bad("sub of 129 characters", forge.Sign(JwtForge.Claims(RandomText.Printable(rng, 129)))));
        Add("sub 2000", (rng, _, _) => Bad("sub of 2000 characters", forge.Sign(JwtForge.Claims(RandomText.Ascii(rng, 2000)))));
        Add("sub 129 emoji", (_, _, _) => Bad("sub of 129 emoji", forge.Sign(JwtForge.Claims(string.Concat(Enumerable.Repeat("😀", 129))))));
        Add("sub control", (rng, user, _) =>
        {
            var control = new[] { "\u0001", "\n", "\r\n", "\t", "\u007f", "\u0000", "\u001b[31m", "\u0085" }[rng.Next(8)];
            return Bad("sub with a control character", forge.Sign(JwtForge.Claims(Insert(rng, user, control))));
        });
        Add("sub format", (rng, user, _) => Bad("sub with a zero-width joiner", forge.Sign(JwtForge.Claims(Insert(rng, user, "\u200d")))));
        Add("sub bidi", (rng, user, _) => Bad("sub with a right-to-left override", forge.Sign(JwtForge.Claims(Insert(rng, user, "\u202e")))));
        Add("sub lone surrogate", (rng, user, _) => Bad("sub with a lone surrogate", forge.Sign(JwtForge.Claims(Insert(rng, user, "\ud800")))));
        Add("sub private use", (rng, user, _) => Bad("sub with a private-use character", forge.Sign(JwtForge.Claims(Insert(rng, user, "\ue000")))));
        Add("sub line separator", (_, _, _) => Bad("sub is a line separator", forge.Sign(JwtForge.Claims("\u2028"))));
        Add("bad scope", (rng, user, _) =>
        {
            var scope = BadScopes[rng.Next(BadScopes.Length)];
            return Authenticated($"scope '{scope}'", user, recents: false, admin: false, forge.Sign(JwtForge.Claims(user, scope)));
        });
        Add("no scope", (_, user, _) => Authenticated("no scope", user, recents: false, admin: false, forge.Sign(Without(JwtForge.Claims(user), "scope"))));
        Add("admin scope only", (_, user, _) => Authenticated("recents-admin scope only", user, recents: false, admin: true, forge.Sign(JwtForge.Claims(user, Admin))));
        Add("scp upper", (_, user, _) => Authenticated("scp [ITWIN-PLATFORM]", user, recents: false, admin: false,
            forge.Sign(With(Without(JwtForge.Claims(user), "scope"), "scp", JwtForge.Array("ITWIN-PLATFORM")))));
        Add("scope number", (_, user, _) => Authenticated("scope is a number", user, recents: false, admin: false, forge.Sign(With(JwtForge.Claims(user), "scope", "42"))));
        Add("payload not JSON", (_, _, _) => Bad("payload is not JSON", forge.SignRaw(JwtForge.Hs256Header, "sub=alice")));
        Add("payload array", (_, user, _) => Bad("payload is a JSON array", forge.SignRaw(JwtForge.Hs256Header, $"[{JwtForge.Quote(user)}]")));
        Add("payload null", (_, _, _) => Bad("payload is null", forge.SignRaw(JwtForge.Hs256Header, "null")));
        Add("payload deep", (_, user, _) => Either("a claim nested 200 deep", user,
            forge.Sign(With(JwtForge.Claims(user), "deep", new string('[', 200) + new string(']', 200)))));
        Add("kid traversal", (_, user, _) => Either("kid ../../../dev/null", user,
            forge.Sign(JwtForge.Claims(user), header: """{"alg":"HS256","typ":"JWT","kid":"../../../dev/null"}""")));
        Add("audience array", (_, user, _) => Either("aud array including ours", user,
            forge.Sign(With(JwtForge.Claims(user), "aud", JwtForge.Array("other-api", TestTokens.Audience)))));
        Add("scheme case", (rng, user, _) =>
        {
            var scheme = new[] { "bearer", "BEARER", "bEaReR" }[rng.Next(3)];
            return new TokenCase($"scheme '{scheme}'", AuthKind.Either, [$"{scheme} {Own(user)}"], user, GrantsRecents: true);
        });
        Add("extra spaces", (rng, user, _) => new TokenCase("extra spaces around the token", AuthKind.Either,
            [$"Bearer{new string(' ', rng.Next(2, 6))}{Own(user)}{new string(' ', rng.Next(0, 4))}"], user, GrantsRecents: true));
        Add("padded signature", (_, user, _) => Either("base64 padding on the signature", user, Own(user) + "="));
    }

    private void Add(string name, Func<Random, string, string, TokenCase> build) => hostile.Add((name, build));

    private string Own(string userId) => forge.Sign(JwtForge.Claims(userId));

    private TokenCase Stale(string name, string userId, Action<Dictionary<string, string>> edit)
    {
        var (header, _, signature) = Split(Own(userId));
        var claims = JwtForge.Claims(userId);
        edit(claims);
        return Bad(name, $"{header}.{JwtForge.Segment(JwtForge.Payload(claims))}.{signature}");
    }

    private static TokenCase Good(string name, string token, string userId) =>
        new(name, AuthKind.Authenticated, ["Bearer " + token], userId, GrantsRecents: true);

    private static TokenCase GoodAdmin(string name, string token, string userId) =>
        new(name, AuthKind.Authenticated, ["Bearer " + token], userId, GrantsAdmin: true);

    private static TokenCase Authenticated(string name, string userId, bool recents, bool admin, string token) =>
        new(name, AuthKind.Authenticated, ["Bearer " + token], userId, recents, admin);

    private static TokenCase Either(string name, string userId, string token) =>
        new(name, AuthKind.Either, ["Bearer " + token], userId, GrantsRecents: true);

    private static TokenCase Bad(string name, string token) => new(name, AuthKind.Invalid, ["Bearer " + token]);

    private static TokenCase Raw(string name, string value) => new(name, AuthKind.Invalid, [value]);

    private static (string Header, string Payload, string Signature) Split(string token)
    {
        var parts = token.Split('.');
        return (parts[0], parts[1], parts[2]);
    }

    /// <summary>Changes one character of segment <paramref name="segment"/> to another base64url character.</summary>
    private static string Flip(Random rng, string token, int segment)
    {
        var parts = token.Split('.');
        var chars = parts[segment].ToCharArray();
        // Not the last character: its low bits may be padding that decoders ignore, which would leave the token intact.
        var index = rng.Next(Math.Max(1, chars.Length - 1));
        var replacement = RandomText.Base64UrlAlphabet[rng.Next(RandomText.Base64UrlAlphabet.Length)];
        chars[index] = replacement == chars[index] ? (replacement == 'A' ? 'B' : 'A') : replacement;
        parts[segment] = new string(chars);
        return string.Join(".", parts);
    }

    private static Dictionary<string, string> Lifetime(Dictionary<string, string> claims, long notBeforeOffset, long expiresOffset)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        claims["nbf"] = JwtForge.Number(now + notBeforeOffset);
        claims["iat"] = JwtForge.Number(now + notBeforeOffset);
        claims["exp"] = JwtForge.Number(now + expiresOffset);
        return claims;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> claims, string name, string rawJson)
    {
        claims[name] = rawJson;
        return claims;
    }

    private static Dictionary<string, string> Without(Dictionary<string, string> claims, string name)
    {
        claims.Remove(name);
        return claims;
    }

    private static string Insert(Random rng, string value, string inserted)
    {
        var at = rng.Next(value.Length + 1);
        // Never split a surrogate pair of the user id (that would be a second defect in the same sub).
        if (at > 0 && at < value.Length && char.IsLowSurrogate(value[at]))
        {
            at++;
        }

        return value[..at] + inserted + value[at..];
    }
}

/// <summary>Random text for generators.</summary>
public static class RandomText
{
    public const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static string Base64Url(Random rng, int length) =>
        string.Create(length, rng, (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Base64UrlAlphabet[random.Next(Base64UrlAlphabet.Length)];
            }
        });

    public static string Ascii(Random rng, int length) =>
        string.Create(length, rng, (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)random.Next('!', '~' + 1);
            }
        });

    /// <summary>Printable characters, some outside ASCII (each one UTF-16 unit).</summary>
    public static string Printable(Random rng, int length)
    {
        const string extra = "äöüßéñçøåΩπЖжすし中文";
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(rng.Next(4) == 0 ? extra[rng.Next(extra.Length)] : (char)rng.Next('!', '~' + 1));
        }

        return builder.ToString();
    }
}
