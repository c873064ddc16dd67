using System.Net;
using System.Net.Sockets;

namespace Recents.Integration.Tests.Processes;

internal static class LocalPorts
{
    /// <summary><paramref name="count"/> distinct ports on 127.0.0.1 that nothing listens on right now.</summary>
    public static int[] Free(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }

    public static bool IsListening(int port) => IsListening(new IPEndPoint(IPAddress.Loopback, port));

    public static bool IsListening(IPEndPoint endPoint)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(endPoint);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Waits until something listens on <paramref name="port"/> of 127.0.0.1; fails early if <paramref name="owner"/> exits.</summary>
    public static Task WaitUntilListeningAsync(int port, ChildProcess owner, TimeSpan timeout) =>
        WaitUntilListeningAsync(new IPEndPoint(IPAddress.Loopback, port), owner, timeout);

    /// <summary>Waits until something listens on <paramref name="endPoint"/>; fails early if <paramref name="owner"/> exits.</summary>
    public static async Task WaitUntilListeningAsync(IPEndPoint endPoint, ChildProcess owner, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!IsListening(endPoint))
        {
            if (owner.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"{owner.Name} is not listening on {endPoint} ({(owner.HasExited ? "it exited" : "timed out")}):\n{owner.LogTail()}");
            }

            await Task.Delay(200);
        }
    }
}
