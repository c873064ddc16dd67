using System.Text;

namespace Recents.Api.Tests.Hostile;

/// <summary>When an outcome is right for a favorites DELETE of an id the caller may not view (docs/api.md#remove-from-favorites).</summary>
public enum FavoriteCondition
{
    None,

    /// <summary>Right only if the id is among the caller's favorites when the response arrives (a 204).</summary>
    IfFavorite,

    /// <summary>Right only if the id is not among the caller's favorites when the response arrives (a 404).</summary>
    UnlessFavorite,
}

/// <summary>A change a successful request makes to one user's recents, or (<see cref="Favorites"/>) favorites.</summary>
public sealed record ListChange(string UserId, Guid IModelId, bool IsAdd, bool Favorites = false, FavoriteCondition Condition = FavoriteCondition.None)
{
    public override string ToString() =>
        $"{(IsAdd ? "add" : "remove")} {IModelId} {(Favorites ? "in the favorites" : "in the recents")} of '{UserId}'"
        + (Condition == FavoriteCondition.None ? "" : $" ({Condition})");
}

/// <summary>
/// One acceptable response: a status (null: any 4xx, where docs/api.md leaves the exact status open), the error code
/// it must carry, the change to the model it implies, or the page it must list. <see cref="Bare"/>: Kestrel's bare 400,
/// without the envelope or a correlation id (docs/api.md#limits). <see cref="Target"/>: a detail target the error must name.
/// <see cref="EmptyUserData"/>: a 200 of <c>/admin/users/{userId}/data</c> with two empty lists.
/// </summary>
public sealed record Outcome(
    int? Status, string? Code = null, ListChange? Change = null, PageQuery? Page = null, bool Bare = false, string? Target = null, bool EmptyUserData = false)
{
    public static readonly Outcome AnyClientError = new((int?)null);

    public bool Matches(int status) => Status == status || (Status is null && status is >= 400 and < 500);

    public override string ToString() =>
        (Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "4xx")
        + (Code is null ? "" : $" {Code}")
        + (Target is null ? "" : $" target {Target}")
        + (Change is null ? "" : $" ({Change})")
        + (Page is null ? "" : " (page)")
        + (Bare ? " (bare)" : "")
        + (EmptyUserData ? " (empty user data)" : "");
}

/// <summary>A header to send as is (several values are sent comma-joined on one line, as HttpClient does).</summary>
public sealed record RawHeader(string Name, params string[] Values);

/// <summary>A generated request, what the server may answer, and the lane it runs in.</summary>
public sealed record HostileRequest(
    int Index,
    string Family,
    HttpMethod Method,
    string PathAndQuery,
    TokenCase Token,
    IReadOnlyList<RawHeader> Headers,
    byte[]? Body,
    string? ContentType,
    IReadOnlyList<Outcome> Outcomes,
    string Lane,
    string Notes)
{
    /// <summary>A HEAD response has no body, so only its status is checked.</summary>
    public bool IsHead => Method == HttpMethod.Head;

    public string Describe(int maxValue = 300)
    {
        var text = new StringBuilder()
            .Append(Invariant($"#{Index} [{Family}] {Method} {Shorten(PathAndQuery, maxValue)}\n"))
            .Append(Invariant($"  token: {Token}\n"));
        foreach (var value in Token.AuthorizationValues)
        {
            text.Append(Invariant($"  Authorization: {Shorten(value, maxValue)}\n"));
        }

        foreach (var header in Headers)
        {
            text.Append(Invariant($"  {header.Name}: {Shorten(string.Join(", ", header.Values), maxValue)} ({header.Values.Length} value(s))\n"));
        }

        if (Body is not null)
        {
            text.Append(Invariant($"  body ({Body.Length} bytes, {ContentType ?? "no Content-Type"}): {Shorten(Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, maxValue)), maxValue)}\n"));
        }

        if (Notes.Length > 0)
        {
            text.Append(Invariant($"  notes: {Notes}\n"));
        }

        return text.Append(Invariant($"  expected one of: {string.Join(" | ", Outcomes)}")).ToString();
    }

    /// <summary>Control and non-ASCII characters as escapes, so a failure message shows exactly what was sent.</summary>
    public static string Shorten(string value, int max)
    {
        var shown = value.Length > max ? value[..max] + $"…(+{value.Length - max} chars)" : value;
        var builder = new StringBuilder(shown.Length);
        foreach (var c in shown)
        {
            builder.Append(c is < ' ' or (> '~' and < '\u00a0') ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.ToString();
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
