using Xunit.Abstractions;

namespace Recents.Integration.Tests.Drills;

/// <summary>
/// Prints a drill's figures to the test output and, when <c>RECENTS_DRILL_REPORT</c> names a file (./test.sh sets
/// it), appends them there so that the test run ends by showing them.
/// </summary>
internal static class DrillReport
{
    public static void Write(ITestOutputHelper output, string drill, string figures)
    {
        var line = $"- **{drill}**: {figures}";
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("RECENTS_DRILL_REPORT") is { Length: > 0 } path)
        {
            lock (typeof(DrillReport))
            {
                File.AppendAllText(path, line + Environment.NewLine);
            }
        }
    }
}
