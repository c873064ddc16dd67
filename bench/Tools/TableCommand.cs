using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Recents.Bench.Tools;

/// <summary>
/// <c>table --results RESULTS.jsonl --title TEXT</c>: the markdown report of one benchmark run: a row per measurement,
/// the ratios against their targets (docs/performance.md), and the scale figures.
/// </summary>
internal static class TableCommand
{
    private sealed record Row(
        string Id, string Name, double Rps, double P50ms, double P99ms, long Requests, int Non2xx, int SocketErrors, string CpuPerRequest);

    private static readonly (string Name, string Numerator, string Denominator, double Target)[] Ratios =
    [
        ("POST memory / ceiling", "post-memory", "ceiling", 0.6),
        ("GET warm (minimal) / ceiling", "get-minimal", "ceiling", 0.6),
        ("GET warm (representation) / ceiling", "get-representation", "ceiling", 0.6),
        ("POST Azure Table / storage ceiling", "post-table", "storage-ceiling", 0.8),
        ("POST Azure Table / alternative's POST", "post-table", "alt-post", 1.5),
        ("GET warm (minimal) / alternative's GET", "get-minimal", "alt-get", 3),
    ];

    public static int Run(Arguments args)
    {
        var records = File.ReadLines(args.Text("results")).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var rows = records.Where(record => record.TryGetProperty("rps", out _)).Select(ToRow).ToDictionary(row => row.Id);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"### {args.Text("title")}").AppendLine();
        report.AppendLine("| row | req/s | p50 ms | p99 ms | p99/p50 | requests | non-2xx | socket errors | CPU µs per request |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in rows.Values)
        {
            report.AppendLine(Invariant(
                $"| {row.Name} | {row.Rps:F0} | {row.P50ms:F2} | {row.P99ms:F2} | {row.P99ms / row.P50ms:F1} | {row.Requests} | {row.Non2xx} | {row.SocketErrors} | {row.CpuPerRequest} |"));
        }

        report.AppendLine().AppendLine("| ratio | value | target | met |").AppendLine("|---|---:|---:|---|");
        foreach (var (name, numerator, denominator, target) in Ratios)
        {
            if (rows.TryGetValue(numerator, out var top) && rows.TryGetValue(denominator, out var bottom))
            {
                var value = top.Rps / bottom.Rps;
                report.AppendLine(Invariant($"| {name} | {value:F2} | ≥ {target} | {(value >= target ? "yes" : "no")} |"));
            }
        }

        var worst = rows.Values.MaxBy(row => row.P99ms / row.P50ms);
        if (worst is not null)
        {
            var spread = worst.P99ms / worst.P50ms;
            report.AppendLine(Invariant($"| p99 / p50, worst row ({worst.Name}) | {spread:F1} | ≤ 5 | {(spread <= 5 ? "yes" : "no")} |"));
        }

        foreach (var figure in records.Where(record => record.TryGetProperty("figure", out _)))
        {
            report.AppendLine().Append("- ").Append(figure.GetProperty("figure").GetString());
        }

        Console.WriteLine(report.ToString().TrimEnd());
        return 0;
    }

    private static Row ToRow(JsonElement record) => new(
        record.GetProperty("id").GetString()!,
        record.GetProperty("name").GetString()!,
        record.GetProperty("rps").GetDouble(),
        record.GetProperty("p50ms").GetDouble(),
        record.GetProperty("p99ms").GetDouble(),
        record.GetProperty("requests").GetInt64(),
        record.TryGetProperty("non2xx", out var non2xx) ? non2xx.GetInt32() : record.GetProperty("errors").GetInt32(),
        record.TryGetProperty("socketErrors", out var socket) ? socket.GetInt32() : 0,
        record.TryGetProperty("cpuMicrosecondsPerRequest", out var cpu) ? string.Join(" + ", cpu.EnumerateArray().Select(value => value.GetDouble())) : "");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
