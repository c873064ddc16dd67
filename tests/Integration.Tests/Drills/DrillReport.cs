using Xunit.Abstractions;

namespace Recents.Integration.Tests.Drills;

/// <summary>
/// Prints a drill's figures to the test output and, when <c>RECENTS_DRILL_REPORT</c> names a file (./test.sh sets
/// it), appends them there so that the test run ends by showing them.
/// </summary>
internal static class DrillReport
{
    public static void Write(ITestOutputHelper output, string drill, string figures) => Append(output, $"- **{drill}**: {figures}");

    /// <summary>A titled list: one item, with <paramref name="lines"/> nested under it, so that later items stay apart.</summary>
    public static void Write(ITestOutputHelper output, string title, IEnumerable<string> lines) =>
        Append(output, string.Join(Environment.NewLine, lines.Select(line => $"  - {line}").Prepend($"- **{title}**:")));

    private static void Append(ITestOutputHelper output, string text)
    {
        output.WriteLine(text);
        if (Environment.GetEnvironmentVariable("RECENTS_DRILL_REPORT") is { Length: > 0 } path)
        {
            lock (typeof(DrillReport))
            {
                File.AppendAllText(path, text + Environment.NewLine);
            }
        }
    }
}
