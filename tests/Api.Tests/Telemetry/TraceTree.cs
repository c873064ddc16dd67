using System.Diagnostics;
using System.Text;

namespace Recents.Api.Tests.Telemetry;

/// <summary>A trace as an indented tree of its spans (source, kind, name, tags), for a test's output.</summary>
public static class TraceTree
{
    public static string Describe(IReadOnlyList<Activity> trace)
    {
        var text = new StringBuilder();
        var spanIds = trace.Select(span => span.SpanId).ToHashSet();
        foreach (var root in trace.Where(span => !spanIds.Contains(span.ParentSpanId)).OrderBy(span => span.StartTimeUtc))
        {
            Append(text, trace, root, depth: 0);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, IReadOnlyList<Activity> trace, Activity span, int depth)
    {
        var tags = string.Join(", ", span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"));
        text.Append(' ', depth * 2).Append($"[{span.Source.Name}] {span.Kind} {span.DisplayName} ({tags})").AppendLine();
        foreach (var child in trace.Where(candidate => candidate.ParentSpanId == span.SpanId).OrderBy(candidate => candidate.StartTimeUtc))
        {
            Append(text, trace, child, depth + 1);
        }
    }
}
