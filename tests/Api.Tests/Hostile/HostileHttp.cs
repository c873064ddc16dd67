using System.Net;
using System.Text;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests.Hostile;

public static class HostileHttp
{
    /// <summary>
    /// A client to the fixture's Kestrel that sends header values as UTF-8 bytes (HttpClient would otherwise refuse
    /// non-ASCII values), follows no redirects, keeps no cookies and decompresses nothing.
    /// </summary>
    public static HttpClient Create(RecentsApiFixture fixture, int maxConnections = 16) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = maxConnections,
            RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
            // Requests with Expect: 100-continue wait for the server's verdict before uploading (see CorpusRunner).
            Expect100ContinueTimeout = TimeSpan.FromSeconds(30),
        })
        {
            BaseAddress = fixture.Client.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
}
