using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;

namespace Recents.Bench.Alternative.RecentIModels;

public sealed record Link(string Href);

public sealed record PageLinks(Link Self, Link? Prev, Link? Next)
{
    /// <summary>Absolute links that repeat the caller's query, with <c>$skip</c>/<c>$top</c> set for the neighbouring pages; null at either end.</summary>
    public static PageLinks For(HttpRequest request, int skip, int top, int total)
    {
        var self = new Link(request.GetEncodedUrl());
        var prev = skip > 0 ? new Link(PageUrl(request, Math.Max(0, skip - top), top)) : null;
        var next = (long)skip + top < total ? new Link(PageUrl(request, skip + top, top)) : null;
        return new PageLinks(self, prev, next);
    }

    private static string PageUrl(HttpRequest request, int skip, int top)
    {
        var query = new QueryBuilder(request.Query
            .Where(parameter => !IsPaging(parameter.Key))
            .SelectMany(parameter => parameter.Value.Select(value => KeyValuePair.Create(parameter.Key, value ?? ""))))
        {
            { ListQuery.TopParameter, top.ToString(CultureInfo.InvariantCulture) },
            { ListQuery.SkipParameter, skip.ToString(CultureInfo.InvariantCulture) },
        };
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, query.ToQueryString());
    }

    private static bool IsPaging(string name) =>
        name.Equals(ListQuery.SkipParameter, StringComparison.OrdinalIgnoreCase)
        || name.Equals(ListQuery.TopParameter, StringComparison.OrdinalIgnoreCase);
}
