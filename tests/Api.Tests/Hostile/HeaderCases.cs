namespace Recents.Api.Tests.Hostile;

public enum AcceptKind
{
    Acceptable,
    NotAcceptable,

    /// <summary>Malformed quality values and the like: docs/api.md does not say whether they count.</summary>
    Either,
}

/// <summary>An <c>Accept</c> header (null: none) and what it must lead to (docs/api.md#common-rules): 406, or a body of <see cref="MediaType"/> (null: either type).</summary>
public sealed record AcceptCase(string Name, string[]? Values, AcceptKind Kind, string? MediaType)
{
    public const string V2 = "application/vnd.bentley.itwin-platform.v2+json";
    public const string Json = "application/json";
}

/// <summary>A <c>Prefer</c> header and the item shape it must give (null: either shape).</summary>
public sealed record PreferCase(string? Value, bool? Representation);

/// <summary>
/// Headers for the corpus. Sizes stay inside what the API accepts: the API answers 431 (in the envelope) over 32 KiB of
/// headers or 100 header lines and 414 over an 8 KiB request target, but Kestrel itself refuses requests over twice
/// those limits with a bare response before any middleware runs (see RequestSizeLimits in src/Api). So ordinary
/// requests keep their headers under ~15 KiB and 70 lines, and the over-limit requests of <see cref="OverLimit"/> stay
/// between the API's limits and Kestrel's.
/// </summary>
public static class HeaderCases
{
    /// <summary>Total header bytes (name + value + 4 per line) that ordinary corpus requests stay under.</summary>
    public const int OrdinaryBudget = 15 * 1024;

    private static readonly AcceptCase[] Acceptable =
    [
        new("Accept */*", ["*/*"], AcceptKind.Acceptable, AcceptCase.V2),
        new("Accept application/json", ["application/json"], AcceptKind.Acceptable, AcceptCase.Json),
        new("Accept v2", [AcceptCase.V2], AcceptKind.Acceptable, AcceptCase.V2),
        new("Accept application/*", ["application/*"], AcceptKind.Acceptable, AcceptCase.V2),
        new("Accept empty", [""], AcceptKind.Acceptable, AcceptCase.V2),
        new("Accept json, */*;q=0.1", ["application/json, */*;q=0.1"], AcceptKind.Acceptable, AcceptCase.Json),
        new("Accept html, json;q=0.9", ["text/html, application/json;q=0.9"], AcceptKind.Acceptable, AcceptCase.Json),
        new("Accept v2;q=0.5, json;q=0.9", [AcceptCase.V2 + ";q=0.5, application/json;q=0.9"], AcceptKind.Acceptable, AcceptCase.Json),
        new("Accept APPLICATION/JSON", ["APPLICATION/JSON"], AcceptKind.Acceptable, AcceptCase.Json),
        new("Accept json; charset=utf-8", ["application/json; charset=utf-8"], AcceptKind.Acceptable, AcceptCase.Json),
        new("Accept html and json as two values", ["text/html", "application/json"], AcceptKind.Acceptable, AcceptCase.Json),
        new("Accept v1, v2", [AcceptCase.V2.Replace("v2", "v1", StringComparison.Ordinal) + ", " + AcceptCase.V2], AcceptKind.Acceptable, AcceptCase.V2),
    ];

    private static readonly AcceptCase[] NotAcceptable =
    [
        new("Accept text/html", ["text/html"], AcceptKind.NotAcceptable, null),
        new("Accept application/xml", ["application/xml"], AcceptKind.NotAcceptable, null),
        new("Accept v1 only", [AcceptCase.V2.Replace("v2", "v1", StringComparison.Ordinal)], AcceptKind.NotAcceptable, null),
        new("Accept v3 only", [AcceptCase.V2.Replace("v2", "v3", StringComparison.Ordinal)], AcceptKind.NotAcceptable, null),
        new("Accept json;q=0", ["application/json;q=0"], AcceptKind.NotAcceptable, null),
        new("Accept */*;q=0", ["*/*;q=0"], AcceptKind.NotAcceptable, null),
        new("Accept unparsable", [";;;/"], AcceptKind.NotAcceptable, null),
        new("Accept image/*", ["image/*"], AcceptKind.NotAcceptable, null),
        new("Accept text/*", ["text/*"], AcceptKind.NotAcceptable, null),
        new("Accept non-ASCII", ["application/jsön"], AcceptKind.NotAcceptable, null),
        new("Accept problem+json", ["application/problem+json"], AcceptKind.NotAcceptable, null),
        new("Accept html, xhtml", ["text/html, application/xhtml+xml"], AcceptKind.NotAcceptable, null),
        new("Accept v2+xml", ["application/vnd.bentley.itwin-platform.v2+xml"], AcceptKind.NotAcceptable, null),
        new("Accept 300 bad types", [string.Join(", ", Enumerable.Range(0, 300).Select(i => $"text/x-{i}"))], AcceptKind.NotAcceptable, null),
    ];

    private static readonly AcceptCase[] Unclear =
    [
        new("Accept json;q=abc", ["application/json;q=abc"], AcceptKind.Either, null),
        new("Accept json;q=2", ["application/json;q=2"], AcceptKind.Either, null),
        new("Accept json;q=-1", ["application/json;q=-1"], AcceptKind.Either, null),
        new("Accept json with junk parameter", ["application/json;;;x"], AcceptKind.Either, null),
    ];

    private static readonly string[] ControlCharacters =
        ["\u0001", "\u0002", "\u0007", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f", "\t"];

    private static readonly string[] RefusedNames = ["X Bad", "X:Colon", "Ünï", "X\"Quote", "X,Comma", ""];

    public static AcceptCase Accept(Random rng) => rng.Next(20) switch
    {
        < 12 => new AcceptCase("no Accept", null, AcceptKind.Acceptable, AcceptCase.V2),
        < 16 => Acceptable[rng.Next(Acceptable.Length)],
        < 19 => NotAcceptable[rng.Next(NotAcceptable.Length)],
        _ => Unclear[rng.Next(Unclear.Length)],
    };

    public static PreferCase Prefer(Random rng) => rng.Next(12) switch
    {
        < 5 => new(null, false),
        < 7 => new("return=representation", true),
        7 => new("return=minimal", false),
        8 => new("return=representation, respond-async", true),
        9 => new("RETURN=REPRESENTATION", null),
        10 => new("return=representation; foo=bar", null),
        _ => new(new[] { "return=", ";;;", "return=everything", "wait=5", "return=minimal, return=representation", "\u00e9" }[rng.Next(6)], null),
    };

    /// <summary>Headers that must change nothing: padding, many lines, repeated values, odd bytes, junk in well-known headers.</summary>
    public static List<RawHeader> Extras(Random rng, int budget)
    {
        var headers = new List<RawHeader>();
        for (var kinds = rng.Next(1, 4); kinds > 0; kinds--)
        {
            switch (rng.Next(12))
            {
                case 0:
                    headers.Add(new("X-Padding", RandomText.Ascii(rng, Math.Max(10, rng.Next(budget / 4, budget)))));
                    budget = 0;
                    break;
                case 1:
                    headers.AddRange(Enumerable.Range(0, rng.Next(10, 50)).Select(i => new RawHeader($"X-Hostile-{i}", $"v{i}")));
                    break;
                case 2:
                    headers.Add(new("X-Repeated", [.. Enumerable.Range(0, rng.Next(2, 40)).Select(i => $"value-{i}")]));
                    break;
                case 3:
                    headers.Add(new("X-Unicode", "héllo 😀 中文 \u202e gnirts"));
                    headers.Add(new("User-Agent", "Mozilla/5.0 (☃; Hostile) 🙂"));
                    break;
                case 4:
                    headers.Add(new("X-Control", "a" + string.Concat(Enumerable.Range(0, 4).Select(_ => ControlCharacters[rng.Next(ControlCharacters.Length)])) + "b"));
                    break;
                case 5:
                    headers.Add(new("X-Correlation-Id", new[]
                    {
                        new string('c', 5000), "héllo", "a b c", "<script>", "../../x", "", "\u001b[31mred", Guid.NewGuid().ToString(), "x;y,z",
                    }[rng.Next(9)]));
                    break;
                case 6:
                    headers.Add(new("Cookie", "session=" + RandomText.Base64Url(rng, rng.Next(10, 2000)) + "; a=; =b; ;;"));
                    break;
                case 7:
                    headers.Add(new("X-Forwarded-Host", "evil.example"));
                    headers.Add(new("X-Forwarded-Proto", "javascript"));
                    headers.Add(new("X-Forwarded-For", "1.2.3.4, <script>, ::1"));
                    headers.Add(new("Forwarded", "for=\"[::1]\";host=evil.example;proto=gopher"));
                    break;
                case 8:
                    headers.Add(new("Accept-Encoding", "gzip, br, zstd, x-junk;q=2"));
                    headers.Add(new("Accept-Language", "xx-YY, *;q=0.1, ;;;"));
                    headers.Add(new("Accept-Charset", "utf-7"));
                    break;
                case 9:
                    headers.Add(new("If-None-Match", "*"));
                    headers.Add(new("If-Modified-Since", "yesterday"));
                    headers.Add(new("Range", "bytes=0-1,-5"));
                    break;
                case 10:
                    // Names HttpClient will not send (it refuses to add them): counted, and the request goes without them.
                    headers.Add(new(RefusedNames[rng.Next(RefusedNames.Length)], "x"));
                    break;
                default:
                    headers.Add(new("Origin", "null"));
                    headers.Add(new("Referer", "javascript:alert(1)"));
                    headers.Add(new("X-HTTP-Method-Override", "DELETE"));
                    headers.Add(new("X-Original-URL", "/admin/organizations"));
                    break;
            }
        }

        return headers;
    }

    /// <summary>Requests between the API's limits and Kestrel's: each must be answered 431 or 414 in the envelope.</summary>
    public static (string Name, List<RawHeader> Headers, string? LongQuery, int Status) OverLimit(Random rng) => rng.Next(3) switch
    {
        // 40-56 KiB of headers: over the API's 32 KiB, under Kestrel's 64 KiB.
        0 => ("headers over 32 KiB", [.. Enumerable.Range(0, 8).Select(i => new RawHeader($"X-Big-{i}", RandomText.Ascii(rng, rng.Next(5 * 1024, 7 * 1024))))], null, 431),
        // 110-180 header lines: over the API's 100, under Kestrel's 200.
        1 => ("over 100 header lines", [.. Enumerable.Range(0, rng.Next(110, 180)).Select(i => new RawHeader($"X-Line-{i}", "v"))], null, 431),
        // A 9-15 KiB request target: over the API's 8 KiB, under Kestrel's 16 KiB request line.
        _ => ("request target over 8 KiB", [], "junk=" + RandomText.Base64Url(rng, rng.Next(9 * 1024, 15 * 1024)), 414),
    };

    /// <summary>Roughly what a set of headers weighs against the API's limit (name + value + 4 per line).</summary>
    public static int Weight(IEnumerable<RawHeader> headers) =>
        headers.Sum(header => header.Values.Sum(value => header.Name.Length + System.Text.Encoding.UTF8.GetByteCount(value) + 4));
}
