using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Recents.Api.Proxy;

public static class ProxyHeadersSetup
{
    /// <summary>
    /// Honours <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c> only when <see cref="ProxyHeadersOptions.Enabled"/>:
    /// otherwise the middleware is told to process no header at all.
    /// </summary>
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services)
    {
        services.AddOptions<ProxyHeadersOptions>().BindConfiguration(ProxyHeadersOptions.SectionName);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyHeadersOptions>>((options, proxy) =>
        {
            options.ForwardedHeaders = proxy.Value.Enabled
                ? ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost
                : ForwardedHeaders.None;
            // The proxy in front of the API is the only way in, so its headers are trusted whatever its address.
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });
        return services;
    }
}
