using System.Diagnostics;
using System.Globalization;
using System.Text;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;

namespace Recents.Api.Tests.Telemetry;

/// <summary>Everything captured, one text per span, metric point and log record, with every value it carries.</summary>
public static class TelemetryRecords
{
    public static IReadOnlyList<string> Of(CapturedTelemetry telemetry, params CapturedLogs[] logs) =>
    [
        .. telemetry.Spans.Select(Span),
        .. telemetry.Metrics.SelectMany(Points),
        .. telemetry.Logs.Select(Log),
        .. logs.SelectMany(captured => captured.Lines).Select(Line),
    ];

    private static string Span(Activity span)
    {
        var text = new StringBuilder(
            $"span [{span.Source.Name}] {span.DisplayName} {span.OperationName} status={span.Status} {span.StatusDescription}");
        AppendPairs(text, span.TagObjects);
        foreach (var item in span.Baggage)
        {
            text.Append($" baggage {item.Key}={item.Value}");
        }

        foreach (var spanEvent in span.Events)
        {
            text.Append($" event {spanEvent.Name}");
            AppendPairs(text, spanEvent.Tags);
        }

        foreach (var link in span.Links)
        {
            text.Append($" link {link.Context.TraceId}");
            AppendPairs(text, link.Tags ?? []);
        }

        return text.ToString();
    }

    private static IEnumerable<string> Points(MetricSnapshot metric)
    {
        foreach (var point in metric.MetricPoints)
        {
            var text = new StringBuilder($"metric [{metric.MeterName}] {metric.Name}");
            foreach (var tag in point.Tags)
            {
                text.Append($" {tag.Key}={Format(tag.Value)}");
            }

            yield return text.ToString();
        }
    }

    private static string Log(LogRecord record)
    {
        var text = new StringBuilder(
            $"log [{record.CategoryName}] {record.EventId} {record.FormattedMessage} {record.Body} {record.Exception}");
        AppendPairs(text, record.Attributes ?? []);
        record.ForEachScope(AppendScope, text);
        return text.ToString();
    }

    private static void AppendScope(LogRecordScope scope, StringBuilder text)
    {
        text.Append($" scope {scope.Scope}");
        foreach (var (key, value) in scope)
        {
            text.Append($" {key}={Format(value)}");
        }
    }

    private static string Line(CapturedLogLine line) =>
        AppendPairs(new StringBuilder($"line [{line.Category}] {line.Message}"), line.Scope).ToString();

    private static StringBuilder AppendPairs(StringBuilder text, IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        foreach (var (key, value) in pairs)
        {
            text.Append($" {key}={Format(value)}");
        }

        return text;
    }

    private static string? Format(object? value) => value switch
    {
        System.Collections.IEnumerable values and not string => string.Join(",", values.Cast<object?>().Select(Format)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString(),
    };
}
