using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Recents.Gatekeeper;

/// <summary>
/// What a user id is (a token's <c>sub</c>): the gatekeeper's calls take one, and authentication refuses a token whose
/// <c>sub</c> is not one (docs/api.md#authentication).
/// </summary>
public static class UserIds
{
    public const int MaxLength = 128;

    /// <summary>
    /// The SHA-256 of the id's UTF-8 bytes in base64url: 43 characters that stand for the user wherever the id itself must
    /// not appear (storage keys, grain keys, metric attributes), distinct in practice.
    /// </summary>
    public static string Pseudonym(string userId) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(userId)));

    /// <summary>
    /// 1..128 printable characters (Unicode scalar values, so an emoji counts once): no control, format (invisible),
    /// separator-line, private-use or unassigned characters, and no broken UTF-16.
    /// </summary>
    public static bool IsValid(string? userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return false;
        }

        var characters = 0;
        var remaining = userId.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out var rune, out var consumed) != OperationStatus.Done
                || !IsPrintable(rune)
                || ++characters > MaxLength)
            {
                return false;
            }

            remaining = remaining[consumed..];
        }

        return true;
    }

    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune) is not (
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        or UnicodeCategory.Surrogate);
}
