using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Recents.Api.Tests.Telemetry;

/// <summary>
/// Stands in for an OpenTelemetry collector's OTLP/HTTP receiver on a free loopback port: answers every POST 200 and
/// keeps what was sent where (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>).
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<OtlpExport> received = new();
    private readonly Task receiving;

    public OtlpReceiver()
    {
        Endpoint = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
        listener.Prefixes.Add(Endpoint.ToString());
        listener.Start();
        receiving = Task.Run(ReceiveAsync);
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<OtlpExport> Received => [.. received];

    public void Dispose()
    {
        listener.Close();
        _ = receiving.Exception;
    }

    private async Task ReceiveAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            received.Enqueue(new OtlpExport(context.Request.Url!.AbsolutePath, context.Request.ContentType ?? "", body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}

/// <summary>One export request: its path, content type and protobuf body.</summary>
public sealed record OtlpExport(string Path, string ContentType, byte[] Body)
{
    /// <summary>Whether the body holds <paramref name="text"/>: protobuf keeps strings (a service name, say) as UTF-8 bytes.</summary>
    public bool Holds(string text) => Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
