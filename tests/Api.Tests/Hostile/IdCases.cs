using System.Text;

namespace Recents.Api.Tests.Hostile;

/// <summary>
/// The <c>{id}</c> of <c>/imodels/recents/{id}</c> as sent, and what the server must make of it: the GUID it names
/// (<see cref="Resolves"/>), nothing (404 <c>iModelNotFound</c>), or a route that does not exist at all.
/// </summary>
/// <param name="Certain">False where docs/api.md does not say whether the form names the GUID (padding, a trailing slash): 204 or 404 are both right then.</param>
/// <param name="RouteStatus">The status routing answers before authentication (404 no route, 405 wrong method).</param>
/// <param name="CheckCode">False where 404 may come from routing (<c>NotFound</c>) or from the endpoint (<c>iModelNotFound</c>).</param>
public sealed record IdCase(string Name, string Segment, Guid? Resolves, bool Certain = true, int? RouteStatus = null, bool AnyClientError = false, bool CheckCode = true)
{
    private static readonly string[] Literals =
    [
        "null", "undefined", "NaN", "-1", "0", "true", "~", "*", "%27", "%22", "a%2Fb", "%5C", "%23", "%3F", "%25", "%252F",
        "%27%20OR%201%3D1%20--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%C3%28", "%FF", "%FE%FF", "%E2%80%AE", "..%2F..%2Fadmin",
        "%F0%9F%98%80", "%EF%BF%BD", "%u0041", "%", "%%", "%G0", "%7B%7D", "%5B%5D", "con", "nul", "%C0%AE%C0%AE",
    ];

    public static IdCase Clean(Guid target) => new("canonical", target.ToString(), target);

    /// <summary>A malformed or edge-case form of <paramref name="target"/>, or of no iModel at all.</summary>
    public static IdCase Hostile(Random rng, Guid target, Guid deleted)
    {
        var g = target.ToString();
        switch (rng.Next(30))
        {
            case 0: return new("upper case", g.ToUpperInvariant(), target);
            case 1: return new("mixed case", MixCase(rng, g), target);
            case 2: return new("some characters percent-encoded", PercentEncode(rng, g, all: false), target);
            case 3: return new("every character percent-encoded", PercentEncode(rng, g, all: true), target);
            case 4: return new("padded with %20", $"%20{g}%20", target, Certain: false);
            case 5: return new("padded with %09", $"%09{g}", target, Certain: false);
            case 6: return new("trailing slash", g + "/", target, Certain: false, CheckCode: false);
            case 7: return new("byte-order mark first", "%EF%BB%BF" + g, target, Certain: false);
            case 8: return new("braces", $"%7B{g}%7D", null);
            case 9: return new("parentheses", $"({g})", null);
            case 10: return new("no dashes (N format)", target.ToString("N"), null);
            case 11: return new("X format", Uri.EscapeDataString(target.ToString("X")), null);
            case 12: return new("one character short", g[..^1], null);
            case 13: return new("one character long", g + "0", null);
            case 14: return new("a dash missing", g.Remove(8, 1), null);
            case 15: return new("a Cyrillic letter", ReplaceOne(rng, g, "%D0%B0"), null);
            case 16: return new("a full-width digit", ReplaceOne(rng, g, "%EF%BC%91"), null);
            case 17: return new("empty GUID", Guid.Empty.ToString(), Guid.Empty);
            case 18: return new("unknown GUID", Guid.NewGuid().ToString(), Guid.NewGuid());
            case 19: return new("deleted iModel", deleted.ToString(), deleted);
            case 20:
            {
                var literal = Literals[rng.Next(Literals.Length)];
                // Routing decodes %2F but not into a separator; the 404 may come from either layer.
                return new($"literal {literal}", literal, null, CheckCode: !literal.Contains("%2F", StringComparison.OrdinalIgnoreCase));
            }

            case 21: return new("3000 characters", string.Concat(Enumerable.Repeat(g, 84)), null);
            case 22: return new("matrix parameter", g + ";x=1", null);
            case 23: return new("encoded semicolon", g + "%3Bx", null);
            case 24: return new("an extra segment", $"{g}/extra", null, RouteStatus: 404);
            case 25: return new("empty segment (the collection route)", "", null, RouteStatus: 405);
            case 26: return new("double slash", "/" + g, null, RouteStatus: 404);
            case 27: return new("encoded dot segment", "%2E%2E/" + g, null, RouteStatus: 404);
            case 28: return new("dot segment", rng.Next(2) == 0 ? ".." : ".", null, AnyClientError: true);
            default: return new("two GUIDs", $"{g},{Guid.NewGuid()}", null);
        }
    }

    private static string MixCase(Random rng, string value) =>
        string.Concat(value.Select(c => rng.Next(2) == 0 ? char.ToUpperInvariant(c) : c));

    private static string PercentEncode(Random rng, string value, bool all)
    {
        var builder = new StringBuilder();
        foreach (var c in value)
        {
            if (all || rng.Next(3) == 0)
            {
                // Lower- or upper-case hex: both are the same octet (RFC 3986 §2.1).
                builder.Append('%').Append(((int)c).ToString(rng.Next(2) == 0 ? "X2" : "x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string ReplaceOne(Random rng, string value, string replacement)
    {
        var positions = Enumerable.Range(0, value.Length).Where(i => value[i] != '-').ToList();
        var at = positions[rng.Next(positions.Count)];
        return value[..at] + replacement + value[(at + 1)..];
    }
}
