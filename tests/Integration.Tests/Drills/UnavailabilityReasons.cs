using System.Globalization;
using System.Text.RegularExpressions;

namespace Recents.Integration.Tests.Drills;

/// <summary>Why the APIs of a drill answered 503, from their logs: how many times each exception type was the cause.</summary>
internal static partial class UnavailabilityReasons
{
    public static string In(IEnumerable<string> apiLogs)
    {
        var counts = apiLogs.SelectMany(File.ReadLines).Select(line => Answer503().Match(line)).Where(match => match.Success)
            .GroupBy(match => match.Groups["type"].Value).OrderByDescending(group => group.Count())
            .Select(group => string.Create(CultureInfo.InvariantCulture, $"{group.Key} {group.Count()}")).ToList();
        return counts.Count == 0 ? "none logged" : string.Join(", ", counts);
    }

    // The API's log line for a 503 (ApiExceptionHandler): "... answering 503. {ExceptionType}: {Reason}".
    [GeneratedRegex(@"answering 503\. (?<type>[\w.]+):")]
    private static partial Regex Answer503();
}
