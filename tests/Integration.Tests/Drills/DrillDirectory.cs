using Xunit.Abstractions;

namespace Recents.Integration.Tests.Drills;

/// <summary>
/// A drill's data and logs: a fresh temporary folder, deleted at the end unless <c>RECENTS_DRILL_KEEP</c> is set
/// (to read the processes' logs).
/// </summary>
internal sealed class DrillDirectory(ITestOutputHelper output) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("recents-drill-").FullName;

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("RECENTS_DRILL_KEEP") is { Length: > 0 })
        {
            output.WriteLine($"Drill data and logs kept in {Path}");
            return;
        }

        Directory.Delete(Path, recursive: true);
    }
}
