using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Recents.Api.Tests.Infrastructure;

/// <summary>
/// An Azurite of a test's own (from the repository's node_modules, as ./test.sh installs it), which the test
/// may stop and start again on the same port and data, as a storage outage would.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string dataDirectory = System.IO.Directory.CreateTempSubdirectory("recents-azurite-").FullName;
    private readonly int port = FreePorts.Next();
    private Process? process;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    public async Task StartAsync()
    {
        var executable = Path.Combine(RepositoryRoot(), "node_modules", ".bin", "azurite-table");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} is missing: run ./test.sh, which installs Azurite.");
        }

        process = Process.Start(new ProcessStartInfo(executable,
        [
            "--location", dataDirectory, "--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture),
            "--skipApiVersionCheck", "--disableTelemetry", "--silent",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!IsListening())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Azurite did not start on port {port}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Stops Azurite with SIGINT, on which it saves its tables, and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        System.IO.Directory.Delete(dataDirectory, recursive: true);
    }

    private bool IsListening()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "package-lock.json")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
