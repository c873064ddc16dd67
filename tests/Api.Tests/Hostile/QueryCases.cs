using System.Globalization;

namespace Recents.Api.Tests.Hostile;

/// <summary>
/// The query of <c>GET /imodels/recents</c> as sent, and what it means: 422 (<see cref="Invalid"/>), or a listing of
/// <see cref="ITwinId"/> with paging and order. <see cref="Certain"/> is false where a form is neither clearly valid nor
/// clearly invalid under docs/api.md (a padded GUID, doubled spaces in <c>$orderBy</c>): then 422 or that listing.
/// </summary>
/// For favorites (docs/api.md#list-favorites) a query may also carry <c>$continuationToken</c>; <see cref="Target"/> is the
/// detail targets of which a 422 must name one when the token is the only thing wrong: <c>$continuationToken</c>, and next to
/// <c>$skip</c>/<c>$orderBy</c> those too (docs/api.md#list-favorites: "neither may be combined with <c>$continuationToken</c>").
public sealed record QueryCase(
    string Name, string Query, bool Invalid, bool Certain, Guid ITwinId, int Top, int Skip, Ordering? OrderBy, IReadOnlyList<string>? Targets = null)
{
    private static readonly string[] TokenNames = ["$continuationToken", "$continuationtoken", "$CONTINUATIONTOKEN", "%24continuationToken"];

    /// <summary>Values no server issued: malformed, forged-looking or hostile (docs/api.md#list-favorites: 422, target <c>$continuationToken</c>).</summary>
    private static readonly string[] GarbageTokens =
    [
        "x", "null", "0", "-1", "%00", "%FF%FE", "undefined", "%27%20OR%201%3D1%20--", "..%2F..%2Fetc%2Fpasswd", "%7B%22u%22%3A%22alice%22%7D",
        "eyJhbGciOiJub25lIn0.e30.", "e30", "AAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "%F0%9F%98%80", "%E2%80%AE", "a%20b", "*", "%3D%3D",
    ];

    private static readonly string[] JunkParameters =
    [
        "foo=bar", "%24filter=name%20eq%20%27x%27", "%FF=%FE", "a[b]=c", "=x", "x", "$select=id", "$expand=*", "%E2%80%AE=rtl",
        "top=5", "skip=-1", "orderBy=nonsense", "iTwinId2=x", "%24tops=0", "$count=true", "callback=alert(1)", "__proto__=1",
        "constructor[prototype][x]=1", "%00=%00", "a=%00", "emoji=%F0%9F%98%80", "bad=%ZZ", "half=%E2%82",
    ];

    private static readonly string[] ITwinNames = ["iTwinId", "ITWINID", "itwinid", "iTwinID", "%69TwinId"];
    private static readonly string[] TopNames = ["$top", "$TOP", "$Top", "%24top", "%24TOP"];
    private static readonly string[] SkipNames = ["$skip", "$SKIP", "%24skip", "$Skip"];
    private static readonly string[] OrderByNames = ["$orderBy", "$orderby", "$ORDERBY", "%24orderBy"];

    /// <summary>A well-formed query for <paramref name="iTwinId"/>, with paging and order at random.</summary>
    public static QueryCase Clean(Random rng, Guid iTwinId, bool favorites = false)
    {
        var parts = new List<string> { $"iTwinId={iTwinId}" };
        var top = 100;
        var skip = 0;
        Ordering? order = null;
        if (rng.Next(2) == 0)
        {
            top = rng.Next(4) == 0 ? 1000 : rng.Next(1, 30);
            parts.Add(Invariant($"$top={top}"));
        }

        if (rng.Next(3) == 0)
        {
            skip = rng.Next(0, 30);
            parts.Add(Invariant($"$skip={skip}"));
        }

        if (rng.Next(3) == 0)
        {
            order = new Ordering(rng.Next(2) == 0, rng.Next(2) == 0);
            var direction = order.Descending ? "%20desc" : rng.Next(2) == 0 ? "%20asc" : "";
            parts.Add($"$orderBy={(order.ByName ? "name" : "createdDateTime")}{direction}");
        }

        var certain = true;
        var name = "clean";
        if (favorites && rng.Next(3) == 0)
        {
            // An empty token asks for the first page; with $skip or $orderBy docs/api.md leaves it open whether it counts as a token.
            parts.Add($"{TokenNames[rng.Next(TokenNames.Length)]}=");
            name = "clean, empty $continuationToken";
            certain = parts.Count(part => part.StartsWith("$skip", StringComparison.Ordinal) || part.StartsWith("$orderBy", StringComparison.Ordinal)) == 0;
        }

        Shuffle(rng, parts);
        return new QueryCase(name, string.Join("&", parts), false, certain, iTwinId, top, skip, order);
    }

    /// <summary>A well-formed favorites query, or one with an empty token, for <paramref name="iTwinId"/>.</summary>
    public static QueryCase CleanFavorites(Random rng, Guid iTwinId) => Clean(rng, iTwinId, favorites: true);

    /// <summary>A query with at least one malformed or edge-case parameter.</summary>
    public static QueryCase Hostile(Random rng, Guid iTwinId, bool favorites = false)
    {
        var builder = new Builder(iTwinId);
        var mutations = 1 + rng.Next(3);
        var kinds = Enumerable.Range(0, favorites ? 6 : 5).OrderBy(_ => rng.Next()).Take(mutations).ToHashSet();
        AddITwinId(rng, builder, hostile: kinds.Contains(0));
        AddTop(rng, builder, hostile: kinds.Contains(1));
        AddSkip(rng, builder, hostile: kinds.Contains(2));
        AddOrderBy(rng, builder, hostile: kinds.Contains(3));
        if (kinds.Contains(4))
        {
            for (var i = rng.Next(1, 4); i > 0; i--)
            {
                builder.Add("junk parameter", JunkParameters[rng.Next(JunkParameters.Length)]);
            }

            if (rng.Next(5) == 0)
            {
                builder.Add("long junk parameter", "junk=" + RandomText.Base64Url(rng, rng.Next(500, 5000)));
            }
        }

        if (kinds.Contains(5))
        {
            AddContinuationToken(rng, builder);
        }

        Shuffle(rng, builder.Parts);
        var query = string.Join("&", builder.Parts);
        if (rng.Next(10) == 0)
        {
            query = "&&" + query + "&";
        }

        return new QueryCase(string.Join(", ", builder.Names), query, builder.Invalid, builder.Certain, builder.ITwinId, builder.Top, builder.Skip, builder.Order, builder.Targets());
    }

    /// <summary>A <c>$continuationToken</c> no server issued, given twice, empty, or next to <c>$skip</c>/<c>$orderBy</c> (docs/api.md#list-favorites).</summary>
    private static void AddContinuationToken(Random rng, Builder b)
    {
        var name = TokenNames[rng.Next(TokenNames.Length)];
        var skip = b.Parts.Any(part => IsParameter(part, "$skip"));
        var orderBy = b.Parts.Any(part => IsParameter(part, "$orderBy"));
        var paging = skip || orderBy;
        b.ConflictTargets = [.. skip ? ["$skip"] : Array.Empty<string>(), .. orderBy ? ["$orderBy"] : Array.Empty<string>()];
        switch (rng.Next(8))
        {
            case 0:
                // An empty token is the first page; next to $skip or $orderBy, docs/api.md does not say whether it counts.
                b.Add("$continuationToken empty", $"{name}=", certain: !paging);
                break;
            case 1: b.Add("$continuationToken without =", name, certain: false); break;
            case 2: b.Add("$continuationToken twice", $"{name}=x&$continuationToken=y", invalid: true, token: true); break;
            case 3: b.Add("$continuationToken long", $"{name}={RandomText.Base64Url(rng, rng.Next(100, 3000))}", invalid: true, token: true); break;
            default:
                b.Add("$continuationToken garbage", $"{name}={GarbageTokens[rng.Next(GarbageTokens.Length)]}", invalid: true, token: true);
                break;
        }

    }

    private static bool IsParameter(string part, string parameter) =>
        part.Split('&').Any(piece => Uri.UnescapeDataString(piece.Split('=')[0]).Equals(parameter, StringComparison.OrdinalIgnoreCase));

    private static void AddITwinId(Random rng, Builder b, bool hostile)
    {
        var g = b.ITwinId.ToString();
        var name = ITwinNames[rng.Next(ITwinNames.Length)];
        if (!hostile)
        {
            b.Add(name == "iTwinId" ? "" : $"iTwinId named {name}", $"{name}={g}");
            return;
        }

        switch (rng.Next(16))
        {
            case 0: b.Add("iTwinId upper case", $"iTwinId={g.ToUpperInvariant()}"); break;
            case 1: b.Add("iTwinId percent-encoded", "iTwinId=" + string.Concat(g.Select(c => $"%{(int)c:X2}"))); break;
            case 2: b.Add("iTwinId padded", $"iTwinId=%20{g}%20", certain: false); break;
            case 3: b.Add("iTwinId after a literal plus", $"iTwinId=%2B{g}", invalid: true); break;
            case 4: b.Add("iTwinId after a plus", $"iTwinId=+{g}", certain: false); break;
            case 5: b.Add("iTwinId missing", null, invalid: true); break;
            case 6: b.Add("iTwinId empty", "iTwinId=", invalid: true); break;
            case 7: b.Add("iTwinId without =", "iTwinId", invalid: true); break;
            case 8: b.Add("iTwinId twice", $"iTwinId={g}&{name}={g}", invalid: true); break;
            case 9: b.Add("iTwinId[]", $"iTwinId[]={g}", invalid: true); break;
            case 10: b.Add("iTwinId in braces", $"iTwinId=%7B{g}%7D", invalid: true); break;
            case 11: b.Add("iTwinId without dashes", $"iTwinId={b.ITwinId:N}", invalid: true); break;
            case 12: b.Add("iTwinId a list", $"iTwinId={g},{g}", invalid: true); break;
            case 13:
                if (rng.Next(2) == 0)
                {
                    b.Add("iTwinId NUL", "iTwinId=%00", invalid: true);
                }
                else
                {
                    b.Add("iTwinId followed by NUL", $"iTwinId={g}%00", invalid: true);
                }

                break;
            case 14: b.Add("iTwinId 3000 characters", "iTwinId=" + new string('a', 3000), invalid: true); break;
            default:
            {
                var values = new[] { "null", "*", "%27%20OR%201%3D1", "[]", "undefined", "%D0%B0" + g[1..], g[..^1], "00000000-0000-0000-0000-00000000000g" };
                b.Add("iTwinId not a GUID", "iTwinId=" + values[rng.Next(values.Length)], invalid: true);
                break;
            }
        }
    }

    private static void AddTop(Random rng, Builder b, bool hostile)
    {
        var name = TopNames[rng.Next(TopNames.Length)];
        if (!hostile)
        {
            if (rng.Next(2) == 0)
            {
                b.Top = rng.Next(1, 1001);
                b.Add($"{name}={b.Top}", Invariant($"{name}={b.Top}"));
            }

            return;
        }

        switch (rng.Next(9))
        {
            case 0: b.Top = 1000; b.Add("$top 1000", $"{name}=1000"); break;
            case 7:
            {
                // A sign or a space before the digits: "an integer" or not? docs/api.md does not say.
                var value = new[] { "%2B5", "%205", "+5" }[rng.Next(3)];
                b.Top = 5;
                b.Add($"$top={value}", $"{name}={value}", certain: false);
                break;
            }

            case 1: b.Top = 1; b.Add("$top 1", $"{name}=1"); break;
            case 2: b.Top = 5; b.Add("$top with leading zeros", $"{name}=005"); break;
            case 3: b.Add("$top twice", $"{name}=5&$top=6", invalid: true); break;
            case 4: b.Add("$top without =", "$top", invalid: true); break;
            default:
            {
                var values = new[] { "0", "1001", "-1", "5.0", "1e2", "0x10", "99999999999", "", "abc", "%D9%A5", "%EF%BC%95", "2147483648", "-0", "5%00" };
                var value = values[rng.Next(values.Length)];
                b.Add($"$top={value}", $"{name}={value}", invalid: true);
                break;
            }
        }
    }

    private static void AddSkip(Random rng, Builder b, bool hostile)
    {
        var name = SkipNames[rng.Next(SkipNames.Length)];
        if (!hostile)
        {
            if (rng.Next(3) == 0)
            {
                b.Skip = rng.Next(0, 30);
                b.Add($"{name}={b.Skip}", Invariant($"{name}={b.Skip}"));
            }

            return;
        }

        switch (rng.Next(7))
        {
            case 0: b.Skip = int.MaxValue; b.Add("$skip int.MaxValue", $"{name}=2147483647"); break;
            case 6:
            {
                var value = new[] { "%2B1", "%201" }[rng.Next(2)];
                b.Skip = 1;
                b.Add($"$skip={value}", $"{name}={value}", certain: false);
                break;
            }

            case 1: b.Skip = 0; b.Add("$skip 0", $"{name}=0"); break;
            case 2: b.Add("$skip twice", $"{name}=1&$skip=1", invalid: true); break;
            default:
            {
                var values = new[] { "-1", "2147483648", "1.5", "", "x", "9223372036854775808", "1e1", "%D9%A1", "1%00" };
                var value = values[rng.Next(values.Length)];
                b.Add($"$skip={value}", $"{name}={value}", invalid: true);
                break;
            }
        }
    }

    private static void AddOrderBy(Random rng, Builder b, bool hostile)
    {
        var name = OrderByNames[rng.Next(OrderByNames.Length)];
        if (!hostile)
        {
            if (rng.Next(3) == 0)
            {
                b.Order = new Ordering(ByName: true, Descending: false);
                b.Add("$orderBy=name", $"{name}=name");
            }

            return;
        }

        switch (rng.Next(10))
        {
            case 0: b.Order = new(true, true); b.Add("$orderBy NAME DESC", $"{name}=NAME%20DESC"); break;
            case 1: b.Order = new(false, false); b.Add("$orderBy createddatetime Asc", $"{name}=createddatetime%20Asc"); break;
            case 2: b.Order = new(true, true); b.Add("$orderBy name+desc (a plus is a space)", $"{name}=name+desc"); break;
            case 3: b.Order = new(false, true); b.Add("$orderBy with two spaces", $"{name}=createdDateTime%20%20desc", certain: false); break;
            case 4: b.Order = new(true, false); b.Add("$orderBy with a leading space", $"{name}=%20name", certain: false); break;
            case 5: b.Add("$orderBy twice", $"{name}=name&$orderBy=name", invalid: true); break;
            default:
            {
                var values = new[]
                {
                    "name%20desc%20asc", "size", "", "name,desc", "name%09desc", "-name", "name%00", "displayName",
                    "createdDateTime%20descending", "name%2Bdesc", "name%20desc,createdDateTime", "%27name%27", "name%20DESC%20",
                };
                var value = values[rng.Next(values.Length)];
                // "name desc " has a trailing space that the parser's split drops: valid, if unusual.
                var trailingSpace = value == "name%20DESC%20";
                if (trailingSpace)
                {
                    b.Order = new(true, true);
                }

                b.Add($"$orderBy={value}", $"{name}={value}", invalid: !trailingSpace, certain: !trailingSpace);
                break;
            }
        }
    }

    private static void Shuffle(Random rng, List<string> parts)
    {
        for (var i = parts.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (parts[i], parts[j]) = (parts[j], parts[i]);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Builder(Guid iTwinId)
    {
        public List<string> Parts { get; } = [];

        public List<string> Names { get; } = [];

        public Guid ITwinId { get; } = iTwinId;

        public int Top { get; set; } = 100;

        public int Skip { get; set; }

        public Ordering? Order { get; set; }

        public bool Invalid { get; private set; }

        public bool Certain { get; private set; } = true;

        /// <summary>A non-empty token was given: with <c>$skip</c> or <c>$orderBy</c>, each is a 422 target.</summary>
        public bool TokenInvalid { get; private set; }

        private bool OtherInvalid { get; set; }

        /// <summary>The <c>$skip</c> and <c>$orderBy</c> given next to the token.</summary>
        public IReadOnlyList<string> ConflictTargets { get; set; } = [];

        /// <summary>The targets of which a 422 must name one, when only the token (or its paging conflict) makes the query invalid.</summary>
        public IReadOnlyList<string>? Targets()
        {
            if (!TokenInvalid || OtherInvalid)
            {
                return null;
            }

            // docs/api.md#list-recents: one 422 names every bad one; at least one of these must be among them.
            return [.. ConflictTargets, "$continuationToken"];
        }

        public void Add(string name, string? part, bool invalid = false, bool certain = true, bool token = false)
        {
            TokenInvalid |= invalid && token;
            OtherInvalid |= invalid && !token;
            if (name.Length > 0)
            {
                Names.Add(name);
            }

            if (part is not null)
            {
                Parts.Add(part);
            }

            Invalid |= invalid;
            Certain &= certain;
        }
    }
}
