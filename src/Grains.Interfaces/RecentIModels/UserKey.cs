using System.Buffers.Text;
using System.Text;

namespace Recents.RecentIModels;

/// <summary>
/// Turns a token's <c>sub</c> into a grain key. User ids are opaque strings, and Azure Table keys
/// silently rewrite <c>/ \ # ?</c>, which would let two users share a list; base64url of the UTF-8
/// bytes keeps every user id distinct and within the key size limit.
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

        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(userId));
    }
}
