using System.Diagnostics;

namespace Recents.Integration.Tests.Processes;

/// <summary>
/// One process of the service (Azurite, a silo, the API) with its output appended to a log file, stopped the
/// ways production stops processes: SIGTERM, SIGINT, or SIGKILL.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    private readonly Process process;

    private ChildProcess(Process process, string name, string logFile)
    {
        this.process = process;
        Name = name;
        LogFile = logFile;
    }

    public string Name { get; }

    public string LogFile { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Starts <paramref name="command"/> in <paramref name="workingDirectory"/>; bash only redirects, then becomes the command.</summary>
    public static ChildProcess Start(
        string name, string workingDirectory, string logFile, IReadOnlyDictionary<string, string> environment, params string[] command)
    {
        var startInfo = new ProcessStartInfo("bash", ["-c", "exec \"$@\" >>\"$0\" 2>&1", logFile, .. command])
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        return new ChildProcess(Process.Start(startInfo)!, name, logFile);
    }

    /// <summary>Sends <paramref name="signal"/> and waits for the process to exit; SIGKILL if it takes over a minute.</summary>
    public async Task StopAsync(int signal = Signals.Terminate)
    {
        if (process.HasExited)
        {
            return;
        }

        Signals.Send(process.Id, signal);
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
            throw new TimeoutException($"{Name} did not stop within {StopTimeout} of signal {signal}; killed. See {LogFile}.");
        }
    }

    public Task KillAsync() => StopAsync(Signals.Kill);

    public string LogTail(int lines = 40) =>
        File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(lines)) : "(no log)";

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
