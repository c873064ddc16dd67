using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Recents.Api.Proxy;

public static class ProxyHeadersSetup
{
    /// <summary>
    /// Honours <c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c> when
    /// <see cref="ProxyHeadersOptions.Enabled"/>, and only on connections from the configured proxies (one hop: the
    /// middleware's <c>ForwardLimit</c> of 1); otherwise the middleware is told to process no header at all.
    /// </summary>
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services)
    {
        services.AddOptions<ProxyHeadersOptions>()
            .BindConfiguration(ProxyHeadersOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyHeadersOptions>>((options, configured) =>
        {
            var proxy = configured.Value;
            // X-Forwarded-For too, so that the connection's remote address is the caller's as the proxy saw it, like the
            // scheme and host. Nothing in the API reads it: rate limits go by client application, the request log has no address.
            options.ForwardedHeaders = proxy.Enabled
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost
                : ForwardedHeaders.None;
            // Loopback is in both lists by default: trust only what is configured.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in proxy.ProxyAddresses())
            {
                options.KnownProxies.Add(address);
            }

            foreach (var network in proxy.ProxyNetworks())
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }
}
