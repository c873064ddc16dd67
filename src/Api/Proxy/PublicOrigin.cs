using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;

namespace Recents.Api.Proxy;

/// <summary>
/// The scheme, host and path base of every absolute URL the API hands out. From <see cref="LinksOptions.PublicBaseUrl"/>
/// when it is set, whatever the request's <c>Host</c> or forwarded headers say; otherwise the request's own, which
/// a trusted proxy's <c>X-Forwarded-Proto/Host</c> may have replaced (<see cref="ProxyHeadersSetup"/>).
/// </summary>
public sealed class PublicOrigin(IOptions<LinksOptions> options)
{
    private readonly Origin? configured = options.Value.PublicBaseUri() is { } uri
        ? new Origin(uri.Scheme, HostString.FromUriComponent(uri.Authority), PathString.FromUriComponent(uri.AbsolutePath.TrimEnd('/')))
        : null;

    /// <summary>The absolute URL of the request's path under the public origin, with <paramref name="query"/>.</summary>
    public string Url(HttpRequest request, QueryString query)
    {
        var (scheme, host, pathBase) = configured ?? new Origin(request.Scheme, request.Host, request.PathBase);
        return UriHelper.BuildAbsolute(scheme, host, pathBase, request.Path, query);
    }

    private sealed record Origin(string Scheme, HostString Host, PathString PathBase);
}
