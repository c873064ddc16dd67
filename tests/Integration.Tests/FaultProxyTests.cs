using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Recents.Integration.Tests.Processes;

namespace Recents.Integration.Tests;

public sealed class FaultProxyTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly TcpListener echoListener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private Task echoing = Task.CompletedTask;

    public Task InitializeAsync()
    {
        echoListener.Start();
        echoing = Task.Run(EchoAsync);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await stopping.CancelAsync();
        echoListener.Stop();
        await echoing.ContinueWith(_ => { }, TaskScheduler.Default);
        stopping.Dispose();
    }

    [Fact]
    public async Task WithoutAFault_ForwardsBothWays()
    {
        await using var proxy = FaultProxy.Start((IPEndPoint)echoListener.LocalEndpoint);
        using var client = await ConnectAsync(proxy);

        Assert.Equal("hello", await RoundTripAsync(client, "hello"));
        Assert.Equal("again", await RoundTripAsync(client, "again"));
        Assert.Equal(IPAddress.Loopback, proxy.EndPoint.Address);
    }

    [Fact]
    public async Task Latency_DelaysEachRoundTrip_UntilSetBackToZero()
    {
        await using var proxy = FaultProxy.Start((IPEndPoint)echoListener.LocalEndpoint);
        using var client = await ConnectAsync(proxy);
        proxy.Latency = TimeSpan.FromMilliseconds(400);

        var slow = Stopwatch.StartNew();
        Assert.Equal("slow", await RoundTripAsync(client, "slow"));
        slow.Stop();
        proxy.Latency = TimeSpan.Zero;
        var fast = Stopwatch.StartNew();
        Assert.Equal("fast", await RoundTripAsync(client, "fast"));
        fast.Stop();

        Assert.True(slow.Elapsed >= TimeSpan.FromMilliseconds(390), $"round trip took {slow.Elapsed}");
        Assert.True(fast.Elapsed < TimeSpan.FromMilliseconds(390), $"round trip took {fast.Elapsed}");
    }

    [Fact]
    public async Task Resetting_ResetsOpenAndNewConnections_ThenForwardsAgain()
    {
        await using var proxy = FaultProxy.Start((IPEndPoint)echoListener.LocalEndpoint);
        using var open = await ConnectAsync(proxy);
        Assert.Equal("before", await RoundTripAsync(open, "before"));

        proxy.StartResetting();
        var openError = await Assert.ThrowsAsync<SocketException>(() => RoundTripAsync(open, "during"));
        using var fresh = new Socket(SocketType.Stream, ProtocolType.Tcp);
        var freshError = await Assert.ThrowsAsync<SocketException>(async () =>
        {
            await fresh.ConnectAsync(proxy.EndPoint);
            await RoundTripAsync(fresh, "during");
        });
        proxy.StopResetting();
        using var after = await ConnectAsync(proxy);

        Assert.Equal(SocketError.ConnectionReset, openError.SocketErrorCode);
        Assert.Equal(SocketError.ConnectionReset, freshError.SocketErrorCode);
        Assert.Equal("after", await RoundTripAsync(after, "after"));
        Assert.Equal(2, proxy.ConnectionsReset);
    }

    private static async Task<Socket> ConnectAsync(FaultProxy proxy)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(proxy.EndPoint);
        return socket;
    }

    /// <summary>Sends <paramref name="text"/> and reads back as many bytes; a closed connection throws.</summary>
    private static async Task<string> RoundTripAsync(Socket socket, string text)
    {
        using var timeout = new CancellationTokenSource(Bound);
        var sent = System.Text.Encoding.UTF8.GetBytes(text);
        await socket.SendAsync(sent, timeout.Token);
        var received = new byte[sent.Length];
        var total = 0;
        while (total < received.Length)
        {
            var read = await socket.ReceiveAsync(received.AsMemory(total), timeout.Token);
            if (read == 0)
            {
                throw new SocketException((int)SocketError.Disconnecting);
            }

            total += read;
        }

        return System.Text.Encoding.UTF8.GetString(received);
    }

    private async Task EchoAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var socket = await echoListener.AcceptSocketAsync(stopping.Token);
            _ = Task.Run(async () =>
            {
                using (socket)
                {
                    var buffer = new byte[1024];
                    try
                    {
                        int read;
                        while ((read = await socket.ReceiveAsync(buffer, stopping.Token)) > 0)
                        {
                            await socket.SendAsync(buffer.AsMemory(0, read), stopping.Token);
                        }
                    }
                    catch (Exception exception) when (exception is SocketException or OperationCanceledException)
                    {
                        // The proxy reset the connection, or the test ended.
                    }
                }
            });
        }
    }
}
