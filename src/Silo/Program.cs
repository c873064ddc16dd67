using System.Runtime.InteropServices;
using Recents.Hosting.Logging;
using Recents.Silo;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddRecentsConsole();
builder.AddRecentsSilo();

// Only noted here; the host's own handlers still stop the silo on these signals.
var stopRequested = false;
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => stopRequested = true);
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => stopRequested = true);

using var host = builder.Build();
try
{
    await host.RunAsync();
}
catch (OperationCanceledException) when (stopRequested)
{
    // A stop requested while the silo was still starting (joining the cluster) cancels the start: not a crash.
    Console.Error.WriteLine("Stopped while starting.");
}

/// <summary>The silo's entry point. Internal: the ASP.NET Core framework the dashboard brings would otherwise make it public, and tests that reference both hosts would see two <c>Program</c> types.</summary>
internal sealed partial class Program;
