using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Recents.Api.Favorites;

/// <summary>
/// The format of a continuation token: the position of the last favorite of a page, signed with a key together with the
/// user and the iTwin it was issued for. A token from another user or iTwin, altered, truncated or made up fails the
/// signature check.
/// </summary>
/// <remarks>Layout: a version byte, the position (8 bytes, big-endian), then 16 bytes of HMAC-SHA256; base64url.</remarks>
public static class ContinuationTokenCodec
{
    private const byte Version = 1;
    private const int PositionBytes = 8;
    private const int SignatureBytes = 16;
    private const int TokenBytes = 1 + PositionBytes + SignatureBytes;

    public static string Encode(byte[] key, string userId, Guid iTwinId, long position)
    {
        var token = new byte[TokenBytes];
        token[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(1, PositionBytes), position);
        Sign(key, token.AsSpan(0, 1 + PositionBytes), userId, iTwinId).CopyTo(token.AsSpan(1 + PositionBytes));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The position the token names, or null when it was not made with this key for this user and iTwin.</summary>
    public static long? Decode(byte[] key, string token, string userId, Guid iTwinId)
    {
        // DecodeFromChars reports bad input where TryDecodeFromChars throws; and only the one canonical spelling of
        // the bytes is a token, not another with different unused bits in its last character.
        var bytes = new byte[TokenBytes];
        if (token.Length != Base64Url.GetEncodedLength(TokenBytes)
            || Base64Url.DecodeFromChars(token, bytes, out _, out var written) != OperationStatus.Done
            || written != TokenBytes
            || bytes[0] != Version
            || Base64Url.EncodeToString(bytes) != token)
        {
            return null;
        }

        var expected = Sign(key, bytes.AsSpan(0, 1 + PositionBytes), userId, iTwinId);
        return CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(1 + PositionBytes))
            ? BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1, PositionBytes))
            : null;
    }

    private static byte[] Sign(byte[] key, ReadOnlySpan<byte> versionAndPosition, string userId, Guid iTwinId)
    {
        // The iTwin id has a fixed length and the user id comes last, so no two (iTwin, user) pairs sign the same bytes.
        var user = Encoding.UTF8.GetBytes(userId);
        var message = new byte[versionAndPosition.Length + 16 + user.Length];
        versionAndPosition.CopyTo(message);
        iTwinId.TryWriteBytes(message.AsSpan(versionAndPosition.Length, 16));
        user.CopyTo(message.AsSpan(versionAndPosition.Length + 16));
        return HMACSHA256.HashData(key, message)[..SignatureBytes];
    }
}
