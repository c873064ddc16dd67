using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Recents.Integration.Tests.Processes;

namespace Recents.Integration.Tests;

/// <summary>
/// <c>./run.sh</c> as a newcomer starts it: real Azurite, silo and API processes. Reads the tokens it
/// prints and stops it the way Ctrl-C or a supervisor would.
/// </summary>
public sealed class RunScript : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunScript(Process process, int apiPort)
    {
        this.process = process;
        ApiBaseAddress = new Uri($"http://127.0.0.1:{apiPort}");
    }

    public Uri ApiBaseAddress { get; }

    public string UserToken { get; private set; } = "";

    public string AdminToken { get; private set; } = "";

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts run.sh; <paramref name="environment"/> adds variables that it and the processes it starts inherit.</summary>
    public static async Task<RunScript> StartAsync(string dataDirectory, int silos = 1, IReadOnlyDictionary<string, string>? environment = null)
    {
        var apiPort = LocalPorts.Free(1)[0];
        var startInfo = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "run.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        startInfo.Environment["RECENTS_PORT"] = apiPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        startInfo.Environment["RECENTS_DATA_DIR"] = dataDirectory;
        startInfo.Environment["RECENTS_SILOS"] = silos.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var script = new RunScript(Process.Start(startInfo)!, apiPort);
        script.process.OutputDataReceived += (_, e) => script.OnLine(e.Data);
        script.process.ErrorDataReceived += (_, e) => script.OnLine(e.Data);
        script.process.BeginOutputReadLine();
        script.process.BeginErrorReadLine();

        var exited = script.process.WaitForExitAsync();
        var first = await Task.WhenAny(script.ready.Task, exited, Task.Delay(StartTimeout));
        if (first != script.ready.Task)
        {
            var output = script.Output;
            await script.DisposeAsync();
            throw new InvalidOperationException($"run.sh did not become ready:\n{output}\n{LogTails(dataDirectory)}");
        }

        return script;
    }

    /// <summary>The first line of the output, from the start, that matches <paramref name="pattern"/>; fails after <paramref name="timeout"/>.</summary>
    public async Task<Match> WaitForLineAsync(Regex pattern, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var line = Output.Split('\n').Select(text => pattern.Match(text)).FirstOrDefault(match => match.Success);
            if (line is not null)
            {
                return line;
            }

            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new TimeoutException($"run.sh printed no line matching {pattern} within {timeout}:\n{Output}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Sends SIGTERM, as a supervisor or Ctrl-C would, and waits for the script to finish.</summary>
    public async Task<int> StopAsync()
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await StopAsync();
        }

        process.Dispose();
    }

    private string? pendingTokenFor;

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
            if (pendingTokenFor == "user")
            {
                UserToken = line.Trim();
            }
            else if (pendingTokenFor == "admin")
            {
                AdminToken = line.Trim();
            }

            pendingTokenFor = line.StartsWith("Bearer token for demo-user", StringComparison.Ordinal) ? "user"
                : line.StartsWith("Bearer token for demo-admin", StringComparison.Ordinal) ? "admin"
                : null;
        }

        if (line.StartsWith("Press Ctrl-C", StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }
    }

    /// <summary>The last lines of every process's log, for a start that failed (the data folder is deleted after the test).</summary>
    private static string LogTails(string dataDirectory)
    {
        var logs = Path.Combine(dataDirectory, "logs");
        return Directory.Exists(logs)
            ? string.Join('\n', Directory.EnumerateFiles(logs, "*.log").Order().Select(log => $"--- {Path.GetFileName(log)}:\n{string.Join('\n', File.ReadLines(log).TakeLast(15))}"))
            : "(no logs)";
    }
}
