namespace Recents.Api.Tests.Hostile;

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
        }

        return requests;
    }

    /// <summary>
    /// For every user, <paramref name="count"/> requests aimed at the others: adding and removing what is in their lists
    /// (which may only ever change the caller's own list), listing (which must show only the caller's own), and
    /// impersonating them with tampered tokens (which must be 401).
    /// </summary>
    public List<HostileRequest> Attacks(ListModel model, int count)
    {
        var requests = new List<HostileRequest>();
        foreach (var attacker in world.Personas)
        {
            var victims = world.Personas.Where(persona => persona != attacker).ToList();
            for (var i = 0; i < count; i++)
            {
                var victim = victims[rng.Next(victims.Count)];
                var victimsList = model.Raw(victim.UserId);
                var target = victimsList.Count > 0 && rng.Next(4) > 0 ? victimsList[rng.Next(victimsList.Count)] : AnyIModel();
                var roll = rng.Next(100);
                if (roll < 20)
                {
                    requests.Add(Impersonation(attacker, victim, target));
                    continue;
                }

                var token = tokens.Valid(rng, attacker.UserId);
                if (roll < 55)
                {
                    var method = rng.Next(3) == 0 ? HttpMethod.Delete : HttpMethod.Post;
                    var id = rng.Next(3) == 0 ? IdCase.Hostile(rng, target, world.DeletedIModel.Id) : IdCase.Clean(target);
                    if (id.AnyClientError || id.RouteStatus is not null)
                    {
                        id = IdCase.Clean(target);
                    }

                    requests.Add(Request($"{method} {(victimsList.Contains(target) ? "a victim's iModel" : "an iModel")}", method, $"/imodels/recents/{id.Segment}", token,
                        Expectations.ForItem(method, id, token, NoAccept, false, world), attacker));
                }
                else
                {
                    var iTwinId = rng.Next(3) == 0 ? world.ITwinB : world.ITwinA;
                    // Well-formed queries only: every paging and order, each page exactly the caller's own (malformed
                    // queries are the corpus's business).
                    var query = QueryCase.Clean(rng, iTwinId);
                    requests.Add(Request($"GET {query.Name}", HttpMethod.Get, $"/imodels/recents?{query.Query}", token,
                        Expectations.ForList(HttpMethod.Get, query, token, NoAccept, NoPrefer, world), attacker));
                }
            }
        }

        return requests;
    }

    private HostileRequest Impersonation(Persona attacker, Persona victim, Guid target)
    {
        var token = tokens.ImpersonationAttempt(rng, attacker.UserId, victim.UserId);
        var (method, path) = rng.Next(3) switch
        {
            0 => (HttpMethod.Post, $"/imodels/recents/{target}"),
            1 => (HttpMethod.Delete, $"/imodels/recents/{target}"),
            _ => (HttpMethod.Get, $"/imodels/recents?iTwinId={world.ITwinA}&$top=1000"),
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
