using System.Globalization;
using System.Net;

namespace Recents.Integration.Tests.Processes;

/// <summary>
/// An Azurite table service on a free port with its own data folder, which a drill may stop and start again on
/// the same port and data, as a storage outage would.
/// </summary>
internal sealed class AzuriteStorage : IAsyncDisposable
{
    private readonly string workDirectory;
    private readonly int port = LocalPorts.Free(1)[0];
    private ChildProcess? process;

    private AzuriteStorage(string workDirectory) => this.workDirectory = workDirectory;

    public string ConnectionString => AzuriteConnection.For(port);

    public IPEndPoint EndPoint => new(IPAddress.Loopback, port);

    public static async Task<AzuriteStorage> StartAsync(string workDirectory)
    {
        var storage = new AzuriteStorage(workDirectory);
        await storage.StartAsync();
        return storage;
    }

    public async Task StartAsync()
    {
        if (!File.Exists(Repository.AzuriteTable))
        {
            throw new InvalidOperationException($"{Repository.AzuriteTable} is missing: run ./test.sh, which installs Azurite.");
        }

        process = ChildProcess.Start("Azurite", workDirectory, Path.Combine(workDirectory, "azurite.log"), new Dictionary<string, string>(),
            Repository.AzuriteTable, "--location", Path.Combine(workDirectory, "azurite"), "--tableHost", "127.0.0.1",
            "--tablePort", port.ToString(CultureInfo.InvariantCulture), "--skipApiVersionCheck", "--disableTelemetry", "--silent");
        await LocalPorts.WaitUntilListeningAsync(port, process, TimeSpan.FromSeconds(30));
    }

    /// <summary>Stops Azurite with SIGINT: it saves its in-memory tables to disk only then.</summary>
    public async Task StopAsync()
    {
        if (process is not null)
        {
            await process.StopAsync(Signals.Interrupt);
            await process.DisposeAsync();
            process = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
