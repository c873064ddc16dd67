using Recents.Api.Favorites;

namespace Recents.Unit.Tests.Api.Favorites;

/// <summary>
/// A continuation token names a position and is honoured only for the key, user and iTwin it was issued for; anything
/// altered, cut, padded or made up decodes to null (docs/api.md#favorites).
/// </summary>
public sealed class ContinuationTokenCodecTests
{
    private const string UserId = "auth0|ユーザー-1";
    private const long Position = 4242;

    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly Guid ITwinId = Guid.Parse("5a1ce3f0-0000-4000-8000-000000000001");

    private static readonly string Token = ContinuationTokenCodec.Encode(Key, UserId, ITwinId, Position);

    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static TheoryData<long> Positions => [0, 1, 1000, long.MaxValue];

    public static TheoryData<int> EveryCharacterIndex => [.. Enumerable.Range(0, Token.Length)];

    [Theory]
    [MemberData(nameof(Positions))]
    public void Decode_OfAnEncodedPosition_GivesThePositionBack(long position)
    {
        var token = ContinuationTokenCodec.Encode(Key, UserId, ITwinId, position);

        Assert.Equal(position, ContinuationTokenCodec.Decode(Key, token, UserId, ITwinId));
    }

    [Fact]
    public void Encode_IsUrlSafe_AndDiffersByPosition()
    {
        Assert.All(Token, character => Assert.Contains(character, Base64UrlAlphabet));
        Assert.NotEqual(Token, ContinuationTokenCodec.Encode(Key, UserId, ITwinId, Position + 1));
    }

    [Fact]
    public void Encode_SameInputs_GivesTheSameToken()
    {
        Assert.Equal(Token, ContinuationTokenCodec.Encode([.. Key], UserId, ITwinId, Position));
    }

    [Fact]
    public void Decode_ForAnotherUser_IsNull()
    {
        Assert.Null(ContinuationTokenCodec.Decode(Key, Token, "auth0|ユーザー-2", ITwinId));
        Assert.Null(ContinuationTokenCodec.Decode(Key, Token, UserId.ToUpperInvariant(), ITwinId));
        Assert.Null(ContinuationTokenCodec.Decode(Key, Token, UserId + " ", ITwinId));
    }

    [Fact]
    public void Decode_ForAnotherITwin_IsNull()
    {
        Assert.Null(ContinuationTokenCodec.Decode(Key, Token, UserId, Guid.Parse("5a1ce3f0-0000-4000-8000-000000000002")));
        Assert.Null(ContinuationTokenCodec.Decode(Key, Token, UserId, Guid.Empty));
    }

    [Fact]
    public void Decode_WithAnotherKey_IsNull()
    {
        var otherKey = (byte[])Key.Clone();
        otherKey[^1] ^= 1;

        Assert.Null(ContinuationTokenCodec.Decode(otherKey, Token, UserId, ITwinId));
        Assert.Null(ContinuationTokenCodec.Decode(new byte[32], Token, UserId, ITwinId));
    }

    /// <summary>Every other character of the alphabet at every place: none may decode, not even to the same position.</summary>
    [Theory]
    [MemberData(nameof(EveryCharacterIndex))]
    public void Decode_WithAnyOneCharacterChanged_IsNull(int index)
    {
        foreach (var replacement in Base64UrlAlphabet.Where(character => character != Token[index]))
        {
            var altered = string.Concat(Token.AsSpan(0, index), replacement.ToString(), Token.AsSpan(index + 1));

            Assert.Null(ContinuationTokenCodec.Decode(Key, altered, UserId, ITwinId));
        }
    }

    [Theory]
    [MemberData(nameof(EveryCharacterIndex))]
    public void Decode_OfATruncatedToken_IsNull(int length)
    {
        Assert.Null(ContinuationTokenCodec.Decode(Key, Token[..length], UserId, ITwinId));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("AAAA")]
    [InlineData("=")]
    [InlineData("==")]
    [InlineData(" ")]
    public void Decode_OfAnExtendedToken_IsNull(string suffix)
    {
        Assert.Null(ContinuationTokenCodec.Decode(Key, Token + suffix, UserId, ITwinId));
        Assert.Null(ContinuationTokenCodec.Decode(Key, suffix + Token, UserId, ITwinId));
    }

    [Fact]
    public void Decode_OfAnEmptyToken_IsNull()
    {
        Assert.Null(ContinuationTokenCodec.Decode(Key, "", UserId, ITwinId));
    }

    [Fact]
    public void Decode_OfStandardBase64_IsNull()
    {
        // The same bytes in the other base64 alphabet, padded: not a token of this format.
        var bytes = Base64UrlToBytes(Token);
        var standard = Convert.ToBase64String(bytes);
        Assert.NotEqual(Token, standard);

        Assert.Null(ContinuationTokenCodec.Decode(Key, standard, UserId, ITwinId));
    }

    [Theory]
    [InlineData('+')]
    [InlineData('/')]
    [InlineData('=')]
    [InlineData('.')]
    [InlineData(' ')]
    [InlineData('é')]
    public void Decode_WithACharacterOutsideBase64Url_IsNull(char outsider)
    {
        for (var index = 0; index < Token.Length; index++)
        {
            var altered = string.Concat(Token.AsSpan(0, index), outsider.ToString(), Token.AsSpan(index + 1));

            Assert.Null(ContinuationTokenCodec.Decode(Key, altered, UserId, ITwinId));
        }
    }

    [Fact]
    public void Decode_OfAMadeUpTokenOfTheRightLength_IsNull()
    {
        Assert.Null(ContinuationTokenCodec.Decode(Key, new string('A', Token.Length), UserId, ITwinId));
        Assert.Null(ContinuationTokenCodec.Decode(Key, new string('_', Token.Length), UserId, ITwinId));
    }

    private static byte[] Base64UrlToBytes(string token) =>
        Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/').PadRight((token.Length + 3) / 4 * 4, '='));
}
