using Recents.Gatekeeper;
using Recents.Grains.RecentIModels;

namespace Recents.Unit.Tests.Grains.RecentIModels;

/// <summary>User ids (a token's <c>sub</c>) and the grain keys they become.</summary>
public sealed class UserKeyTests
{
    // Cases are named, not passed as strings: test names holding control characters or lone surrogates
    // do not survive the test loggers.
    private static readonly Dictionary<string, string> ValidUserIds = new()
    {
        ["one character"] = "a",
        ["plain"] = "alice",
        ["identity provider style"] = "auth0|5f1b2c3d",
        ["e-mail"] = "alice@example.com",
        ["non-Latin"] = "ユーザー",
        ["with an emoji"] = "user-\U0001F600",
        ["128 characters"] = new string('x', 128),
        ["128 emoji (256 UTF-16 units)"] = string.Concat(Enumerable.Repeat("\U0001F600", 128)),
        ["with a space"] = "Alice Smith",
    };

    private static readonly Dictionary<string, string?> InvalidUserIds = new()
    {
        ["null"] = null,
        ["empty"] = "",
        ["129 characters"] = new string('x', 129),
        ["line feed"] = "a\nb",
        ["tab"] = "a\tb",
        ["NUL"] = "\0",
        ["DEL"] = "a\u007Fb",
        ["C1 control"] = "a\u0085b",
        ["lone high surrogate"] = "a\uD800b",
        ["lone low surrogate"] = "a\uDC00b",
        ["high surrogate at the end"] = "ends-with-high-surrogate\uD83D",
        ["low surrogate at the start"] = "\uDE00starts-with-low-surrogate",
        ["129 emoji"] = string.Concat(Enumerable.Repeat("\U0001F600", 129)),
        ["zero-width space (format)"] = "a\u200Bb",
        ["byte order mark (format)"] = "\uFEFFalice",
        ["line separator"] = "a\u2028b",
        ["private use"] = "a\uE000b",
        ["unassigned"] = "a\uFFFFb",
    };

    public static TheoryData<string> ValidCases => [.. ValidUserIds.Keys];

    public static TheoryData<string> InvalidCases => [.. InvalidUserIds.Keys];

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void IsValidUserId_AcceptsPrintableIdsOfUpTo128Characters(string validCase)
    {
        Assert.True(UserIds.IsValid(ValidUserIds[validCase]));
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void IsValidUserId_RejectsEmptyTooLongControlCharactersAndLoneSurrogates(string invalidCase)
    {
        Assert.False(UserIds.IsValid(InvalidUserIds[invalidCase]));
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void FromUserId_RefusesAnInvalidUserId(string invalidCase)
    {
        Assert.Throws<ArgumentException>(() => UserKey.FromUserId(InvalidUserIds[invalidCase]!));
    }

    [Fact]
    public void FromUserId_IsStable()
    {
        Assert.Equal(UserKey.FromUserId("alice@example.com"), UserKey.FromUserId("alice@example.com"));
    }

    [Fact]
    public void FromUserId_KeepsIdsThatAzureTableKeysWouldCollapseDistinct()
    {
        string[] userIds = ["a/b", "a\\b", "a#b", "a?b", "a_b"];

        var keys = userIds.Select(UserKey.FromUserId).ToList();

        Assert.Equal(userIds.Length, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(keys, key => Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?'));
    }

    [Fact]
    public void FromUserId_NeverYieldsACharacterThatTableKeysRewrite()
    {
        // Several hundred ids: an encoding that can yield '/' at all (standard base64, say) would show here.
        var printable = Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c).ToArray();
        var userIds = printable.SelectMany(c => new[] { $"{c}", $"{c}{c}{c}", $"???{c}", $"{c}\u00FF\u00FE" });

        Assert.All(userIds, userId => Assert.DoesNotContain(UserKey.FromUserId(userId), c => c is '/' or '\\' or '#' or '?'));
    }

    [Fact]
    public void FromUserId_KeepsIdsThatDifferOnlyInCaseDistinct()
    {
        Assert.NotEqual(UserKey.FromUserId("Alice"), UserKey.FromUserId("alice"));
    }

    [Fact]
    public void FromUserId_IsFortyThreeCharactersForEveryId()
    {
        // '€' takes three UTF-8 bytes: the most any 128-character id can need.
        string[] userIds = ["a", new string('x', 128), new string('€', 128), string.Concat(Enumerable.Repeat("\U0001F600", 64))];

        Assert.All(userIds, userId => Assert.Equal(43, UserKey.FromUserId(userId).Length));
    }
}
