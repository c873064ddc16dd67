namespace Recents.Api.Tests.Hostile;

/// <summary>A <c>$continuationToken</c> from the <c>next</c> link of one user's favorites page (docs/api.md#list-favorites).</summary>
public sealed record IssuedToken(string UserId, Guid ITwinId, string Value);

/// <summary>The requests of <see cref="UserIsolationTests"/>: distinct starting lists, then each user's attack sequence.</summary>
public sealed class IsolationSequences(HostileWorld world, TokenMutations tokens, Random rng)
{
    private static readonly AcceptCase NoAccept = new("no Accept", null, AcceptKind.Acceptable, AcceptCase.V2);
    private static readonly PreferCase NoPrefer = new(null, false);
    private int next;

    /// <summary>Every user who may view anything adds a random selection of it, in random order: different for each user.</summary>
    public List<HostileRequest> DistinctLists(ListModel model)
    {
        var requests = new List<HostileRequest>();
        foreach (var persona in world.Personas)
        {
            var viewable = Viewable(persona.UserId);
            var chosen = viewable.OrderBy(_ => rng.Next()).Take(Math.Min(viewable.Count, rng.Next(6, 16))).ToList();
            foreach (var iModelId in chosen)
            {
                var token = tokens.Valid(rng, persona.UserId);
                requests.Add(Request("setup", HttpMethod.Post, $"/imodels/recents/{iModelId}", token,
                    Expectations.ForItem(HttpMethod.Post, IdCase.Clean(iModelId), token, NoAccept, false, world), persona));
            }

            // Favorites too (docs/api.md#favorites): another random selection, in another order.
            var favorites = viewable.OrderBy(_ => rng.Next()).Take(Math.Min(viewable.Count, rng.Next(4, 12))).ToList();
            foreach (var iModelId in favorites)
            {
                var token = tokens.Valid(rng, persona.UserId);
                requests.Add(Request("setup favorites", HttpMethod.Put, $"/imodels/favorites/{iModelId}", token,
                    Expectations.ForItem(HttpMethod.Put, IdCase.Clean(iModelId), token, NoAccept, false, world, favorites: true), persona));
            }
        }

        return requests;
    }

    /// <summary>
    /// For every user, <paramref name="count"/> requests aimed at the others: adding and removing what is in their recents
    /// and favorites (which may only ever change the caller's own), listing (which must show only the caller's own),
    /// replaying another user's favorites continuation token (<paramref name="issued"/>: a 422 target
    /// <c>$continuationToken</c>, docs/api.md#list-favorites), and impersonating them with tampered tokens (which must be 401).
    /// </summary>
    public List<HostileRequest> Attacks(ListModel model, int count, IReadOnlyList<IssuedToken> issued)
    {
        var requests = new List<HostileRequest>();
        foreach (var attacker in world.Personas)
        {
            var victims = world.Personas.Where(persona => persona != attacker).ToList();
            for (var i = 0; i < count; i++)
            {
                var victim = victims[rng.Next(victims.Count)];
                var roll = rng.Next(100);
                var favorites = roll % 2 == 1;
                var victimsList = favorites ? model.RawFavorites(victim.UserId) : model.Raw(victim.UserId);
                var target = victimsList.Count > 0 && rng.Next(4) > 0 ? victimsList[rng.Next(victimsList.Count)] : AnyIModel();
                var stolen = issued.Where(token => token.UserId != attacker.UserId).ToList();
                if (roll < 20)
                {
                    requests.Add(Impersonation(attacker, victim, target, favorites));
                    continue;
                }

                var token = tokens.Valid(rng, attacker.UserId);
                var what = favorites ? "favorites" : "recents";
                if (roll < 50)
                {
                    var method = rng.Next(3) == 0 ? HttpMethod.Delete : favorites ? HttpMethod.Put : HttpMethod.Post;
                    var id = rng.Next(3) == 0 ? IdCase.Hostile(rng, target, world.DeletedIModel.Id) : IdCase.Clean(target);
                    if (id.AnyClientError || id.RouteStatus is not null)
                    {
                        id = IdCase.Clean(target);
                    }

                    requests.Add(Request($"{method} {(victimsList.Contains(target) ? $"a victim's {what} iModel" : "an iModel")}", method, $"/imodels/{what}/{id.Segment}", token,
                        Expectations.ForItem(method, id, token, NoAccept, false, world, favorites), attacker));
                }
                else if (roll < 88 || stolen.Count == 0)
                {
                    var iTwinId = rng.Next(3) == 0 ? world.ITwinB : world.ITwinA;
                    // Well-formed queries only: every paging and order, each page exactly the caller's own (malformed
                    // queries are the corpus's business).
                    var query = QueryCase.Clean(rng, iTwinId, favorites);
                    requests.Add(Request($"GET {what} {query.Name}", HttpMethod.Get, $"/imodels/{what}?{query.Query}", token,
                        Expectations.ForList(HttpMethod.Get, query, token, NoAccept, NoPrefer, world, favorites), attacker));
                }
                else
                {
                    // Another user's continuation token, with the caller's own bearer token: a 422, never the other's page.
                    var replayed = stolen[rng.Next(stolen.Count)];
                    var iTwinId = rng.Next(4) == 0 ? world.ITwins[rng.Next(2)] : replayed.ITwinId;
                    requests.Add(Request($"replaying the continuation token of '{replayed.UserId}'", HttpMethod.Get,
                        $"/imodels/favorites?iTwinId={iTwinId}&$top=1&$continuationToken={replayed.Value}", token,
                        [new(422, "InvalidiModelsRequest", Target: "$continuationToken")], attacker));
                }
            }
        }

        // A user's own token for one iTwin, sent for the other (docs/api.md#list-favorites: bound to the iTwin too).
        foreach (var own in issued)
        {
            var other = world.ITwins.Single(iTwinId => iTwinId != own.ITwinId);
            var owner = world.Personas.Single(persona => persona.UserId == own.UserId);
            requests.Add(Request("replaying one's own continuation token for the other iTwin", HttpMethod.Get,
                $"/imodels/favorites?iTwinId={other}&$top=1&$continuationToken={own.Value}", tokens.Valid(rng, own.UserId),
                [new(422, "InvalidiModelsRequest", Target: "$continuationToken")], owner));
        }

        return requests;
    }

    private HostileRequest Impersonation(Persona attacker, Persona victim, Guid target, bool favorites)
    {
        var token = tokens.ImpersonationAttempt(rng, attacker.UserId, victim.UserId);
        var what = favorites ? "favorites" : "recents";
        var (method, path) = rng.Next(3) switch
        {
            0 => (favorites ? HttpMethod.Put : HttpMethod.Post, $"/imodels/{what}/{target}"),
            1 => (HttpMethod.Delete, $"/imodels/{what}/{target}"),
            _ => (HttpMethod.Get, $"/imodels/{what}?iTwinId={world.ITwinA}&$top=1000"),
        };
        return Request($"impersonating {victim.Name}", method, path, token, [new(401, "Unauthorized")], attacker);
    }

    private List<Guid> Viewable(string userId) => [.. world.IModels.Where(iModel => world.CanView(userId, iModel.Id)).Select(iModel => iModel.Id)];

    private Guid AnyIModel()
    {
        var all = world.IModels.ToList();
        return all[rng.Next(all.Count)].Id;
    }

    private HostileRequest Request(string notes, HttpMethod method, string path, TokenCase token, List<Outcome> outcomes, Persona lane) =>
        new(next++, "isolation", method, path, token, [], null, null, outcomes, $"user:{lane.UserId}", notes);
}
