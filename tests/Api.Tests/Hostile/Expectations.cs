namespace Recents.Api.Tests.Hostile;

/// <summary>
/// What docs/api.md requires of a generated request, step by step in the order docs/api.md gives: routing (404,
/// 405), authentication (docs/api.md#authentication: 401), <c>Accept</c> (406, after authentication), then the operation (docs/api.md#operations, docs/api.md#directory-administration). Each step
/// either decides the outcome or lets the request through; a step whose answer docs/api.md leaves open adds its
/// refusal and lets the request through as well, so every right answer is listed.
/// </summary>
public static class Expectations
{
    public const string IModelNotFound = "iModelNotFound";
    public const string ITwinNotFound = "iTwinNotFound";
    public const string UserNotFound = "UserNotFound";

    /// <summary>Adds the 401s <paramref name="token"/> can get; true if it may also pass as its user.</summary>
    public static bool Authenticate(TokenCase token, bool admin, List<Outcome> outcomes)
    {
        var grants = admin ? token.GrantsAdmin : token.GrantsRecents;
        switch (token.Kind)
        {
            case AuthKind.Missing:
                outcomes.Add(new(401, "HeaderNotFound"));
                return false;
            case AuthKind.Invalid:
                outcomes.Add(new(401, "Unauthorized"));
                return false;
            case AuthKind.Either:
                outcomes.Add(new(401, "Unauthorized"));
                return grants;
            default:
                if (!grants)
                {
                    outcomes.Add(new(401, "Unauthorized"));
                }

                return grants;
        }
    }

    /// <summary>Adds the 406 <paramref name="accept"/> can get; true if it may also pass.</summary>
    public static bool Negotiate(AcceptCase accept, List<Outcome> outcomes)
    {
        if (accept.Kind != AcceptKind.Acceptable)
        {
            outcomes.Add(new(406, "InvalidHeaderValue"));
        }

        return accept.Kind != AcceptKind.NotAcceptable;
    }

    /// <summary>
    /// <c>POST</c> or <c>DELETE /imodels/recents/{id}</c>, or (<paramref name="favorites"/>) <c>PUT</c> or <c>DELETE
    /// /imodels/favorites/{id}</c> (docs/api.md#add-to-favorites, docs/api.md#remove-from-favorites).
    /// </summary>
    public static List<Outcome> ForItem(
        HttpMethod method, IdCase id, TokenCase token, AcceptCase accept, bool oversizedBody, HostileWorld world, bool favorites = false)
    {
        var add = favorites ? HttpMethod.Put : HttpMethod.Post;
        if (oversizedBody)
        {
            // A declared body over the 1 MiB limit is refused first, before routing, authentication or any change.
            return [new(413, "RequestTooLarge")];
        }

        if (id.AnyClientError)
        {
            return [Outcome.AnyClientError];
        }

        if (id.RouteStatus == 405 && method == HttpMethod.Get)
        {
            // "/imodels/recents/" with GET is the listing without an iTwinId: 401, 406 or 422 depending on the rest.
            return [Outcome.AnyClientError];
        }

        if (id.RouteStatus is { } routeStatus)
        {
            return [new(routeStatus, routeStatus == 404 ? "NotFound" : "MethodNotAllowed")];
        }

        if (method != add && method != HttpMethod.Delete)
        {
            return [new(405, "MethodNotAllowed")];
        }

        var outcomes = new List<Outcome>();
        if (!Authenticate(token, admin: false, outcomes) || !Negotiate(accept, outcomes))
        {
            return outcomes;
        }

        var userId = token.UserId!;
        var code = id.CheckCode ? IModelNotFound : null;
        if (id.Resolves is { } iModelId && world.CanView(userId, iModelId))
        {
            outcomes.Add(new(204, Change: new ListChange(userId, iModelId, method == add, favorites)));
            if (!id.Certain)
            {
                outcomes.Add(new(404, code));
            }
        }
        else if (favorites && method == HttpMethod.Delete && id.Resolves is { } favoriteId)
        {
            // Removing an id among the caller's favorites is a 204 even when they may not view it; otherwise a 404.
            outcomes.Add(new(204, Change: new ListChange(userId, favoriteId, false, true, FavoriteCondition.IfFavorite)));
            outcomes.Add(new(404, code, Change: id.Certain ? new ListChange(userId, favoriteId, false, true, FavoriteCondition.UnlessFavorite) : null));
        }
        else
        {
            outcomes.Add(new(404, code));
        }

        return outcomes;
    }

    /// <summary><c>GET /imodels/recents?...</c>, or (<paramref name="favorites"/>) <c>GET /imodels/favorites?...</c> (docs/api.md#list-favorites).</summary>
    public static List<Outcome> ForList(
        HttpMethod method, QueryCase query, TokenCase token, AcceptCase accept, PreferCase prefer, HostileWorld world, bool favorites = false)
    {
        if (method != HttpMethod.Get)
        {
            return [new(405, method == HttpMethod.Head ? null : "MethodNotAllowed")];
        }

        var outcomes = new List<Outcome>();
        if (!Authenticate(token, admin: false, outcomes) || !Negotiate(accept, outcomes))
        {
            return outcomes;
        }

        if (query.Invalid || !query.Certain)
        {
            if (query.Invalid && query.Targets is { } targets)
            {
                outcomes.AddRange(targets.Select(target => new Outcome(422, "InvalidiModelsRequest", Target: target)));
            }
            else
            {
                outcomes.Add(new(422, "InvalidiModelsRequest"));
            }
            if (query.Invalid)
            {
                return outcomes;
            }
        }

        var userId = token.UserId!;
        if (world.CanSeeITwin(userId, query.ITwinId))
        {
            var mediaType = accept.Kind == AcceptKind.Acceptable ? accept.MediaType : null;
            outcomes.Add(new(200, Page: new PageQuery(userId, query.ITwinId, query.Top, query.Skip, query.OrderBy, prefer.Representation, mediaType, favorites)));
        }
        else
        {
            outcomes.Add(new(404, ITwinNotFound));
        }

        return outcomes;
    }
}
