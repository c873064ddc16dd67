using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Recents.Integration.Tests.Processes;

internal static class LocalPorts
{
    /// <summary>
    /// <paramref name="count"/> distinct ports on 127.0.0.1 that nothing listens on right now. They are taken below the
    /// kernel's ephemeral range, so that no outgoing connection can take one between the pick and the listener's start
    /// (as it can a port picked by listening on port 0).
    /// </summary>
    public static int[] Free(int count)
    {
        var (from, to) = BelowEphemeralRange();
        var ports = new HashSet<int>();
        while (ports.Count < count)
        {
            var port = Random.Shared.Next(from, to);
            if (!ports.Contains(port) && CanListen(port))
            {
                ports.Add(port);
            }
        }

        return [.. ports];
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

    private static bool CanListen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static (int From, int To) BelowEphemeralRange()
    {
        const string Range = "/proc/sys/net/ipv4/ip_local_port_range";
        var low = File.Exists(Range) ? int.Parse(File.ReadAllText(Range).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture) : 32768;
        var from = Math.Max(1024, low - 16384);
        return (from, Math.Max(from + 1024, low));
    }
}
