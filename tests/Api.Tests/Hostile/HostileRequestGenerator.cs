using System.Text;

namespace Recents.Api.Tests.Hostile;

/// <summary>
/// Generates the hostile corpus from one seeded <see cref="Random"/>: mostly malformed requests (ids, queries,
/// headers, tokens, admin bodies), some valid ones, each with every response docs/api.md allows. Requests that could
/// change a world user's list (a token that may pass as that user on <c>/imodels</c>) run in that user's lane, one at a
/// time, so the model knows the order; all other requests spread over anonymous lanes.
/// </summary>
public sealed class HostileRequestGenerator(HostileWorld world, TokenMutations tokens, Random rng)
{
    public const int AnonymousLanes = 8;

    private static readonly HttpMethod[] WrongItemMethods =
        [HttpMethod.Get, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Options, HttpMethod.Trace, HttpMethod.Head, new("FOO"), new("PROPFIND")];

    private static readonly HttpMethod[] WrongFavoriteMethods =
        [HttpMethod.Get, HttpMethod.Post, HttpMethod.Patch, HttpMethod.Options, HttpMethod.Trace, HttpMethod.Head, new("FOO"), new("PROPFIND")];

    private static readonly HttpMethod[] WrongUserDataMethods = [HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch];

    private static readonly HttpMethod[] WrongListMethods = [HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Head];

    private static readonly HttpMethod[] AnyMethods = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Options];

    private static readonly string[] RecentsContentTypes =
        ["application/json", "text/plain", "application/xml", "application/octet-stream", ";;;", "application/json; charset=utf-16", "multipart/form-data"];

    private readonly HashSet<string> worldUsers = [.. world.Personas.Select(persona => persona.UserId)];
    private int next;

    public List<HostileRequest> Generate(int count) => [.. Enumerable.Range(0, count).Select(_ => Next())];

    public HostileRequest Next()
    {
        var roll = rng.Next(100);
        return roll switch
        {
            < 44 => Item(),
            < 70 => List(),
            < 90 => Admin(),
            < 97 => UnknownRoute(),
            _ => OverLimit(),
        };
    }

    /// <summary>An add or a remove: 55% recents (<c>POST</c>/<c>DELETE</c>), 45% favorites (<c>PUT</c>/<c>DELETE</c>, docs/api.md#favorites).</summary>
    private HostileRequest Item()
    {
        var (persona, token) = PickToken();
        var favorites = rng.Next(100) < 45;
        var methodRoll = rng.Next(100);
        var method = methodRoll < 55 ? (favorites ? HttpMethod.Put : HttpMethod.Post)
            : methodRoll < 95 ? HttpMethod.Delete
            : favorites ? WrongFavoriteMethods[rng.Next(WrongFavoriteMethods.Length)] : WrongItemMethods[rng.Next(WrongItemMethods.Length)];
        var target = PickIModel(persona.UserId);
        var id = rng.Next(2) == 0 ? IdCase.Clean(target) : IdCase.Hostile(rng, target, world.DeletedIModel.Id);
        var accept = HeaderCases.Accept(rng);
        var headers = new List<RawHeader>();
        AddAccept(headers, accept);
        var (body, contentType, bodyName) = RecentsBody();
        if (rng.Next(10) < 3)
        {
            headers.AddRange(HeaderCases.Extras(rng, Budget(token, headers)));
        }

        var oversized = body is { Length: > 1024 * 1024 };
        var outcomes = Expectations.ForItem(method, id, token, accept, oversized, world, favorites);

        return Build(favorites ? "favorite item" : "item", method, $"/imodels/{(favorites ? "favorites" : "recents")}/{id.Segment}", token, headers, body, contentType, outcomes,
            $"id: {id.Name}; {accept.Name}; body: {bodyName}");
    }

    /// <summary>A listing: 55% recents, 45% favorites (docs/api.md#list-favorites, with garbage <c>$continuationToken</c> values).</summary>
    private HostileRequest List()
    {
        var (persona, token) = PickToken();
        var favorites = rng.Next(100) < 45;
        var method = rng.Next(100) < 96 ? HttpMethod.Get : WrongListMethods[rng.Next(WrongListMethods.Length)];
        var iTwinId = rng.Next(100) switch
        {
            < 50 => world.ITwinA,
            < 85 => world.ITwinB,
            _ => Guid.NewGuid(),
        };
        var query = rng.Next(2) == 0 ? QueryCase.Clean(rng, iTwinId, favorites) : QueryCase.Hostile(rng, iTwinId, favorites);
        var accept = HeaderCases.Accept(rng);
        var prefer = HeaderCases.Prefer(rng);
        var headers = new List<RawHeader>();
        AddAccept(headers, accept);
        if (prefer.Value is not null)
        {
            headers.Add(new("Prefer", prefer.Value));
        }

        if (rng.Next(10) < 3)
        {
            headers.AddRange(HeaderCases.Extras(rng, Budget(token, headers) - query.Query.Length));
        }

        var outcomes = Expectations.ForList(method, query, token, accept, prefer, world, favorites);
        var notes = $"query: {query.Name}; {accept.Name}; Prefer: {prefer.Value ?? "none"}; persona {persona.Name}";
        return Build(favorites ? "favorites list" : "list", method, $"/imodels/{(favorites ? "favorites" : "recents")}?{query.Query}", token, headers, null, null, outcomes, notes);
    }

    private HostileRequest Admin()
    {
        var persona = world.Personas[rng.Next(world.Personas.Count)];
        var tokenRoll = rng.Next(100);
        var token = tokenRoll switch
        {
            < 50 => tokens.ValidAdmin(rng, world.AdminUserId),
            < 62 => tokens.Valid(rng, persona.UserId),
            _ => tokens.Hostile(rng, persona.UserId, OtherPersona(persona).UserId),
        };
        var call = rng.Next(100) < 25 ? UserData(token) : AdminCases.Generate(rng, world, token);
        var headers = new List<RawHeader>();
        if (rng.Next(10) < 2)
        {
            headers.AddRange(HeaderCases.Extras(rng, Budget(token, headers)));
        }

        // Admin calls never touch a list, whatever the token: they run in the anonymous lanes.
        return Build(call.Path.StartsWith("/admin/users/", StringComparison.Ordinal) ? "user data" : "admin",
            call.Method, call.Path, token, headers, call.Body, call.ContentType, call.Outcomes, call.Name, anonymous: true);
    }

    /// <summary>
    /// <c>GET</c> or <c>DELETE /admin/users/{userId}/data</c> (docs/api.md#user-data) with hostile user ids. An erase that
    /// may succeed only ever names a fresh user, never one whose lists the audit checks; a world user's id is erased
    /// only with tokens that may not pass as an administrator (401, and the audit shows nothing changed).
    /// </summary>
    private AdminCall UserData(TokenCase token)
    {
        var roll = rng.Next(100);
        var method = roll < 55 ? HttpMethod.Get : roll < 92 ? HttpMethod.Delete : WrongUserDataMethods[rng.Next(WrongUserDataMethods.Length)];
        var persona = world.Personas[rng.Next(world.Personas.Count)];
        var fresh = $"erased-{Guid.NewGuid():N}-{RandomText.Printable(rng, rng.Next(1, 40))}";
        var idRoll = rng.Next(100);
        string segment;
        string kind;
        var malformed = false;
        var routing = false;
        var bare = false;
        if (idRoll < 40 && (method == HttpMethod.Get || !token.MayActOnAdmin))
        {
            (segment, kind) = (Uri.EscapeDataString(persona.UserId), $"world user {persona.Name}");
        }
        else if (idRoll < 70)
        {
            (segment, kind) = (Uri.EscapeDataString(fresh), "fresh user");
        }
        else
        {
            switch (rng.Next(9))
            {
                case 0: (segment, kind, malformed) = (Uri.EscapeDataString(fresh + new string('x', 129)), "over 128 characters", true); break;
                case 1: (segment, kind, malformed) = ("a%01b", "a control character", true); break;
                case 2: (segment, kind, malformed) = ("%7F" + fresh[..8], "DEL", true); break;
                case 3: (segment, kind, malformed) = ("x%E2%80%8By", "a zero-width space", true); break;
                case 4: (segment, kind, malformed) = ("x%E2%80%AEy", "a right-to-left override", true); break;
                case 5: (segment, kind, malformed, bare) = ("a%00b", "an encoded NUL", true, true); break;
                case 6: (segment, kind, routing) = (rng.Next(2) == 0 ? ".." : "", "a dot or empty segment", true); break;
                case 7: (segment, kind, routing) = ($"{Uri.EscapeDataString(fresh)}/extra", "an extra segment", true); break;
                default:
                    // Counted as Unicode characters, 128 emoji make a user id and 129 do not (docs/api.md#authentication).
                    var over = rng.Next(2) == 0;
                    (segment, kind, malformed) = (Uri.EscapeDataString(string.Concat(Enumerable.Repeat("😀", over ? 129 : 128))), over ? "129 emoji" : "fresh user of 128 emoji", over);
                    break;
            }
        }

        var path = $"/admin/users/{segment}/data";
        var name = $"{method} user data of {kind}";
        if (routing)
        {
            return new(name, method, path, null, null, [Outcome.AnyClientError]);
        }

        if (method != HttpMethod.Get && method != HttpMethod.Delete)
        {
            return new(name, method, path, null, null, [new(405, "MethodNotAllowed"), .. bare ? [new Outcome(400, Bare: true)] : Array.Empty<Outcome>()]);
        }

        var outcomes = new List<Outcome>();
        if (bare)
        {
            // Kestrel may refuse an encoded NUL while parsing, before any middleware (docs/api.md#limits).
            outcomes.Add(new(400, Bare: true));
        }

        if (!Expectations.Authenticate(token, admin: true, outcomes))
        {
            return new(name + " (refused token)", method, path, null, null, outcomes);
        }

        if (malformed)
        {
            outcomes.Add(new(404, Expectations.UserNotFound));
        }
        else if (method == HttpMethod.Delete)
        {
            outcomes.Add(new(204));
        }
        else
        {
            // A world user's lists change meanwhile in their lane: only the shape is checked here; the audit reads them after.
            outcomes.Add(new(200, EmptyUserData: kind.StartsWith("fresh user", StringComparison.Ordinal)));
        }

        return new(name, method, path, null, null, outcomes);
    }

    private HostileRequest UnknownRoute()
    {
        var (_, token) = PickToken();
        var g = Guid.NewGuid();
        var paths = new (string Path, bool Certain)[]
        {
            ("/", true), ("/imodels", true), ("/imodels/", true), ($"/imodels/recent/{g}", true), ($"/imodels/recents/{g}/extra", true),
            ($"/imodels/recents/{g}/{g}", true), ($"/IMODELS/recents/{g}/x", true), ("/admin", true), ("/admin/", true),
            ($"/admin/users/{g}", true), ("/admin/imodels", true), ("/admin/organizations", true), ("/%2e%2e/%2e%2e/etc/passwd", true),
            ("/.env", true), ("/robots.txt", true), ("/favicon.ico", true), ($"/api/imodels/recents/{g}", true), ($"/imodels/recents%2F{g}", true),
            ($"/imodels%2Frecents%2F{g}", true), ("/imodels/recents/%E2%80%AE", false), ($"/imodels/recents/{g}%2Fextra", false),
            ("/health/livez", true), ("/wp-login.php", true), ("/%C0%AE%C0%AE/", true),
            ($"/imodels/favorite/{g}", true), ($"/imodels/favorites/{g}/extra", true), ($"/imodels/favorites/{g}/{g}", true),
            ("/admin/users", true), ("/admin/users/", true), ($"/admin/users/{g}/data/extra", true), ($"/admin/users/{g}/datum", true),
        };
        var (path, certain) = paths[rng.Next(paths.Length)];
        var method = AnyMethods[rng.Next(AnyMethods.Length)];
        // Paths that reach /imodels/recents/{id} with an id that names nothing: 401, 404 or 405 depending on the token and method.
        List<Outcome> outcomes = certain ? [new(404, "NotFound")] : [Outcome.AnyClientError];
        return Build("route", method, path, token, [], null, null, outcomes, "unknown route", anonymous: true);
    }

    private HostileRequest OverLimit()
    {
        var (_, token) = PickToken();
        var (name, headers, longQuery, status) = HeaderCases.OverLimit(rng);
        var path = longQuery is null
            ? $"/imodels/recents/{Guid.NewGuid()}"
            : $"/imodels/recents?iTwinId={world.ITwinA}&{longQuery}";
        var method = longQuery is null ? HttpMethod.Post : HttpMethod.Get;
        return Build("limits", method, path, token, headers, null, null, [new(status)], name, anonymous: true);
    }

    /// <summary>A persona, and a token that is 55% of the time their genuine one and otherwise hostile (or an outsider's).</summary>
    private (Persona Persona, TokenCase Token) PickToken()
    {
        var persona = world.Personas[rng.Next(world.Personas.Count)];
        var roll = rng.Next(100);
        if (roll < 52)
        {
            return (persona, tokens.Valid(rng, persona.UserId));
        }

        if (roll < 55)
        {
            // A genuine token of someone the world does not know, with a sub full of odd but printable characters.
            var outsider = new Persona("outsider", RandomText.Printable(rng, rng.Next(1, 129)));
            return (outsider, tokens.Valid(rng, outsider.UserId));
        }

        return (persona, tokens.Hostile(rng, persona.UserId, OtherPersona(persona).UserId));
    }

    private Persona OtherPersona(Persona persona)
    {
        var others = world.Personas.Where(other => other != persona).ToList();
        return others[rng.Next(others.Count)];
    }

    /// <summary>Mostly an iModel the user may view, else any of the world's (deleted and forbidden ones too), else a stranger.</summary>
    private Guid PickIModel(string userId)
    {
        var viewable = world.IModels.Where(iModel => world.CanView(userId, iModel.Id)).ToList();
        var roll = rng.Next(100);
        if (roll < 55 && viewable.Count > 0)
        {
            return viewable[rng.Next(viewable.Count)].Id;
        }

        var all = world.IModels.ToList();
        return roll < 88 ? all[rng.Next(all.Count)].Id : Guid.NewGuid();
    }

    private (byte[]? Body, string? ContentType, string Name) RecentsBody()
    {
        var roll = rng.Next(200);
        if (roll < 120)
        {
            return (null, null, "none");
        }

        if (roll < 150)
        {
            return (Encoding.UTF8.GetBytes("{}"), "application/json", "{}");
        }

        if (roll < 170)
        {
            var text = new[] { "this is not JSON {", "null", "[1,2,3]", "{\"id\":\"other\"}", "<recent/>", "a=b&c=d", "\u0000\u0001" }[rng.Next(7)];
            return (Encoding.UTF8.GetBytes(text), RecentsContentTypes[rng.Next(RecentsContentTypes.Length)], "junk text");
        }

        if (roll < 197)
        {
            var bytes = new byte[rng.Next(1, 64 * 1024)];
            rng.NextBytes(bytes);
            return (bytes, rng.Next(2) == 0 ? null : "application/octet-stream", "random bytes");
        }

        // Rare: a body over the 1 MiB limit (sent with Expect: 100-continue, see CorpusRunner).
        return (new byte[(1024 * 1024) + rng.Next(1, 256 * 1024)], "application/octet-stream", "over 1 MiB");
    }

    private static void AddAccept(List<RawHeader> headers, AcceptCase accept)
    {
        if (accept.Values is not null)
        {
            headers.Add(new("Accept", accept.Values));
        }
    }

    /// <summary>What is left of the ordinary header budget after the token and the headers so far.</summary>
    private static int Budget(TokenCase token, List<RawHeader> headers) =>
        HeaderCases.OrdinaryBudget - 400 - HeaderCases.Weight(headers) - token.AuthorizationValues.Sum(value => value.Length + 20);

    private HostileRequest Build(
        string family, HttpMethod method, string pathAndQuery, TokenCase token, List<RawHeader> headers, byte[]? body,
        string? contentType, List<Outcome> outcomes, string notes, bool anonymous = false)
    {
        var index = next++;
        var lane = !anonymous && token.MayActOnRecents && worldUsers.Contains(token.UserId!)
            ? $"user:{token.UserId}"
            : $"anonymous:{index % AnonymousLanes}";
        return new HostileRequest(index, family, method, pathAndQuery, token, headers, body, contentType, outcomes, lane, notes);
    }
}
