using System.Buffers.Text;
using System.Globalization;
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

    /// <summary>
    /// A user id is 1..128 printable characters (Unicode scalar values, so an emoji counts once): no control,
    /// format (invisible), separator-line, private-use or unassigned characters, and no broken UTF-16.
    /// </summary>
    public static bool IsValidUserId(string? userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return false;
        }

        var characters = 0;
        var remaining = userId.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out var rune, out var consumed) != System.Buffers.OperationStatus.Done
                || !IsPrintable(rune)
                || ++characters > MaxUserIdLength)
            {
                return false;
            }

            remaining = remaining[consumed..];
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

    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune) is not (
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        or UnicodeCategory.Surrogate);
}
