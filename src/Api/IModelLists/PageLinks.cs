using Microsoft.AspNetCore.Http.Extensions;

namespace Recents.Api.IModelLists;

public sealed record Link(string Href);

public sealed record PageLinks(Link Self, Link? Prev, Link? Next)
{
    /// <summary>
    /// Absolute links on this server that repeat the caller's query parameters, with <c>$skip</c> and
    /// <c>$top</c> set for the previous and next pages; null at either end.
    /// </summary>
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
            // Query names match case-insensitively (as the query collection does), so $TOP is replaced too.
            .Where(parameter => !IsPagingParameter(parameter.Key))
            .SelectMany(parameter => parameter.Value.Select(value => KeyValuePair.Create(parameter.Key, value ?? ""))))
        {
            { ListParameters.Top, top.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            { ListParameters.Skip, skip.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, query.ToQueryString());
    }

    private static bool IsPagingParameter(string name) =>
        name.Equals(ListParameters.Skip, StringComparison.OrdinalIgnoreCase)
        || name.Equals(ListParameters.Top, StringComparison.OrdinalIgnoreCase);
}
