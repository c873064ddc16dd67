using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Recents.RecentIModels;

/// <summary>
/// Turns a token's <c>sub</c> into a grain key. User ids are opaque strings, and Azure Table keys
/// silently rewrite <c>/ \ # ?</c> (two users could share a list) and reject long keys (a 128-character
/// id of multi-byte characters is too long once encoded). The SHA-256 of the UTF-8 bytes, in base64url,
/// is 43 safe characters for every user id, distinct in practice, and keeps user ids out of table keys.
/// </summary>
public static class UserKey
{
    public const int MaxUserIdLength = 128;

    /// <summary>A user id is 1..128 characters, none of them a control character or a lone surrogate.</summary>
    public static bool IsValidUserId(string? userId)
    {
        if (string.IsNullOrEmpty(userId) || userId.Length > MaxUserIdLength)
        {
            return false;
        }

        for (var i = 0; i < userId.Length; i++)
        {
            var c = userId[i];
            if (char.IsControl(c))
            {
                return false;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsSurrogatePair(userId, i))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    public static string FromUserId(string userId)
    {
        if (!IsValidUserId(userId))
        {
            throw new ArgumentException("Not a valid user id.", nameof(userId));
        }

        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(userId)));
    }
}
