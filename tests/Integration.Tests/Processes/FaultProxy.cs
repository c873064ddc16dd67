using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Recents.Integration.Tests.Processes;

/// <summary>
/// A TCP forwarder to <see cref="Target"/> that can inject faults: added latency, and resetting connections. Without
/// a fault it is a plain forwarder.
/// <para>
/// <see cref="Latency"/> delays every byte the client sends by that much before it reaches the target, and nothing on
/// the way back: with a request/response protocol such as HTTP each round trip takes <see cref="Latency"/> longer,
/// however the request is split into chunks. Bytes keep their order; a change of latency applies to bytes received
/// after it.
/// </para>
/// <para>
/// While <see cref="IsResetting"/>, every open connection is reset (RST on both sides) and every new connection is
/// accepted and reset at once: the client sees "connection reset", as when the target's host drops its connections.
/// </para>
/// </summary>
internal sealed class FaultProxy : IAsyncDisposable
{
    private const int ChunkSize = 64 * 1024;
    private readonly TcpListener listener;
    private readonly CancellationTokenSource disposing = new();
    private readonly ConcurrentDictionary<Connection, byte> connections = new();
    private readonly Task accepting;
    private long latencyTicks;
    private volatile bool resetting;
    private int accepted;
    private int reset;

    private FaultProxy(IPEndPoint target, IPAddress listenAddress)
    {
        Target = target;
        listener = new TcpListener(listenAddress, 0);
        listener.Start();
        EndPoint = (IPEndPoint)listener.LocalEndpoint;
        accepting = Task.Run(AcceptAsync);
    }

    public IPEndPoint Target { get; }

    /// <summary>Where clients connect: <c>listenAddress</c> and a free port.</summary>
    public IPEndPoint EndPoint { get; }

    public int Port => EndPoint.Port;

    /// <summary>Added to every round trip (see the class summary); zero by default.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref latencyTicks));
        set => Interlocked.Exchange(ref latencyTicks, value.Ticks);
    }

    public bool IsResetting => resetting;

    /// <summary>Connections accepted since the start, including those reset at once.</summary>
    public int ConnectionsAccepted => Volatile.Read(ref accepted);

    /// <summary>Connections the proxy reset, open or new.</summary>
    public int ConnectionsReset => Volatile.Read(ref reset);

    /// <summary>Listens on a free port of <paramref name="listenAddress"/> (127.0.0.1 unless given) and forwards to <paramref name="target"/>.</summary>
    public static FaultProxy Start(IPEndPoint target, IPAddress? listenAddress = null) => new(target, listenAddress ?? IPAddress.Loopback);

    /// <summary>Resets every open connection, and every new one until <see cref="StopResetting"/>.</summary>
    public void StartResetting()
    {
        resetting = true;
        foreach (var connection in connections.Keys)
        {
            Reset(connection);
        }
    }

    public void StopResetting() => resetting = false;

    /// <summary>Resets connections for <paramref name="period"/>, then forwards again.</summary>
    public async Task ResetConnectionsForAsync(TimeSpan period)
    {
        StartResetting();
        try
        {
            await Task.Delay(period);
        }
        finally
        {
            StopResetting();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await disposing.CancelAsync();
        listener.Stop();
        foreach (var connection in connections.Keys)
        {
            connection.Close();
        }

        try
        {
            await accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped listening.
        }

        disposing.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!disposing.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(disposing.Token);
            }
            catch (SocketException) when (!disposing.IsCancellationRequested)
            {
                continue; // a client that gave up before it was accepted
            }

            Interlocked.Increment(ref accepted);
            client.NoDelay = true;
            if (resetting)
            {
                ResetSocket(client);
                Interlocked.Increment(ref reset);
                continue;
            }

            _ = Task.Run(() => ForwardAsync(client));
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var server = new Socket(Target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var connection = new Connection(client, server);
        connections[connection] = 0;
        try
        {
            await server.ConnectAsync(Target, disposing.Token);
            if (resetting)
            {
                Reset(connection);
                return;
            }

            // Whichever direction ends first (a close, a reset, an error) ends the connection for both.
            await Task.WhenAny(DelayedCopyAsync(client, server, connection.Closing.Token), CopyAsync(server, client, connection.Closing.Token));
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The target refused, or the proxy is stopping: the client's connection closes below.
        }
        finally
        {
            connections.TryRemove(connection, out _);
            connection.Close();
        }
    }

    /// <summary>Client to target: each chunk waits until <see cref="Latency"/> after it arrived, in order.</summary>
    private async Task DelayedCopyAsync(Socket from, Socket to, CancellationToken cancellation)
    {
        var chunks = Channel.CreateUnbounded<(byte[] Data, long DueTicks)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writing = Task.Run(async () =>
        {
            await foreach (var (data, dueTicks) in chunks.Reader.ReadAllAsync(cancellation))
            {
                var wait = TimeSpan.FromTicks(dueTicks - Environment.TickCount64 * TimeSpan.TicksPerMillisecond);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellation);
                }

                await SendAllAsync(to, data, cancellation);
            }

            to.Shutdown(SocketShutdown.Send);
        }, cancellation);
        try
        {
            var buffer = new byte[ChunkSize];
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, cancellation);
                if (read == 0)
                {
                    break;
                }

                chunks.Writer.TryWrite((buffer[..read], Environment.TickCount64 * TimeSpan.TicksPerMillisecond + Latency.Ticks));
            }
        }
        finally
        {
            chunks.Writer.TryComplete();
        }

        // The client finished sending: the rest of its bytes still go out, and the answer still comes back.
        await writing;
        await Task.Delay(Timeout.Infinite, cancellation);
    }

    private static async Task CopyAsync(Socket from, Socket to, CancellationToken cancellation)
    {
        var buffer = new byte[ChunkSize];
        while (true)
        {
            var read = await from.ReceiveAsync(buffer, cancellation);
            if (read == 0)
            {
                return;
            }

            await SendAllAsync(to, buffer.AsMemory(0, read), cancellation);
        }
    }

    private static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken cancellation)
    {
        while (!data.IsEmpty)
        {
            data = data[await socket.SendAsync(data, cancellation)..];
        }
    }

    private void Reset(Connection connection)
    {
        if (connection.Reset())
        {
            Interlocked.Increment(ref reset);
        }
    }

    /// <summary>A zero linger time makes close send RST instead of FIN.</summary>
    private static void ResetSocket(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
            // Already gone.
        }

        socket.Close();
    }

    private sealed class Connection(Socket client, Socket server)
    {
        private int closed;

        public CancellationTokenSource Closing { get; } = new();

        /// <summary>Resets both sides; false if the connection was already closed.</summary>
        public bool Reset() => Close(abortive: true);

        public void Close() => Close(abortive: false);

        private bool Close(bool abortive)
        {
            if (Interlocked.Exchange(ref closed, 1) == 1)
            {
                return false;
            }

            Closing.Cancel();
            if (abortive)
            {
                ResetSocket(client);
                ResetSocket(server);
            }
            else
            {
                client.Close();
                server.Close();
            }

            return true;
        }
    }
}
