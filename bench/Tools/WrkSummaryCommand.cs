using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Recents.Bench.Tools;

/// <summary>
/// <c>wrk-summary --id ID --name NAME --file WRK_OUTPUT --cpu-seconds "S1 S2 ..."</c>: one JSON line (name, req/s, p50,
/// p99, non-2xx, socket errors) from the output of <c>wrk --latency</c>, with the CPU time the service's processes spent
/// during the run (S1 S2 ..., in seconds) turned into microseconds per request.
/// </summary>
internal static partial class WrkSummaryCommand
{
    public static int Run(Arguments args)
    {
        var output = File.ReadAllText(args.Text("file"));
        var socketErrors = SocketErrors().Match(output) is { Success: true } errors
            ? errors.Groups.Values.Skip(1).Sum(group => int.Parse(group.Value, CultureInfo.InvariantCulture))
            : 0;
        var requests = long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var cpuMicrosecondsPerRequest = args.Text("cpu-seconds").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(seconds => Math.Round(double.Parse(seconds, CultureInfo.InvariantCulture) * 1e6 / requests)).ToArray();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            id = args.Text("id"),
            name = args.Text("name"),
            rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            p50ms = Percentile(output, "50"),
            p99ms = Percentile(output, "99"),
            requests,
            cpuMicrosecondsPerRequest,
            non2xx = NonSuccess().Match(output) is { Success: true } non2xx ? int.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            socketErrors,
        }));
        return 0;
    }

    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            throw new InvalidDataException($"No {percent}% latency in the wrk output (was --latency given?).");
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
