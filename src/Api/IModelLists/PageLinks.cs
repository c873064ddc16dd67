using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Recents.Api.Proxy;

namespace Recents.Api.IModelLists;

public sealed record Link(string Href);

public sealed record PageLinks(Link Self, Link? Prev, Link? Next)
{
    /// <summary>
    /// Absolute links under the <paramref name="origin"/> that repeat the caller's query parameters, with <c>$skip</c> and
    /// <c>$top</c> set for the previous and next pages; null at either end.
    /// </summary>
    public static PageLinks For(PublicOrigin origin, HttpRequest request, int skip, int top, int total)
    {
        var self = new Link(origin.Url(request, request.QueryString));
        var prev = skip > 0 ? new Link(PageUrl(origin, request, Math.Max(0, skip - top), top)) : null;
        var next = (long)skip + top < total ? new Link(PageUrl(origin, request, skip + top, top)) : null;
        return new PageLinks(self, prev, next);
    }

    /// <summary>
    /// Links of a page reached by continuation token: the next page's repeats the caller's query parameters with
    /// <c>$continuationToken</c> set to <paramref name="nextToken"/> (null on the last page); there is no previous link.
    /// </summary>
    public static PageLinks ForContinuation(PublicOrigin origin, HttpRequest request, string? nextToken) => new(
        new Link(origin.Url(request, request.QueryString)),
        null,
        nextToken is null ? null : new Link(Url(origin, request, (ListParameters.ContinuationToken, nextToken))));

    private static string PageUrl(PublicOrigin origin, HttpRequest request, int skip, int top) => Url(
        origin,
        request,
        (ListParameters.Top, top.ToString(CultureInfo.InvariantCulture)),
        (ListParameters.Skip, skip.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The request's absolute URL with <paramref name="replacements"/> in place of any parameters of those names.</summary>
    private static string Url(PublicOrigin origin, HttpRequest request, params (string Name, string Value)[] replacements)
    {
        // Query names match case-insensitively (as the query collection does), so $TOP is replaced too.
        var kept = request.Query
            .Where(parameter => !replacements.Any(replacement => replacement.Name.Equals(parameter.Key, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(parameter => parameter.Value.Select(value => KeyValuePair.Create(parameter.Key, value ?? "")));
        var query = new QueryBuilder(kept.Concat(replacements.Select(replacement => KeyValuePair.Create(replacement.Name, replacement.Value))));
        return origin.Url(request, query.ToQueryString());
    }
}
