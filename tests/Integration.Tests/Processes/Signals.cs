using System.Runtime.InteropServices;

namespace Recents.Integration.Tests.Processes;

/// <summary>POSIX signals, which <see cref="System.Diagnostics.Process"/> cannot send (it only kills).</summary>
internal static class Signals
{
    public const int Interrupt = 2;
    public const int Kill = 9;
    public const int Terminate = 15;

    public static void Send(int processId, int signal)
    {
        if (kill(processId, signal) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            const int NoSuchProcess = 3;
            if (error != NoSuchProcess)
            {
                throw new InvalidOperationException($"kill({processId}, {signal}) failed with errno {error}.");
            }
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code, this signature needs none.
    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054
    private static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054
}
