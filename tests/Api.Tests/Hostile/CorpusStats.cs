using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Recents.Api.Tests.Hostile;

/// <summary>Counts of a corpus run, for the test output.</summary>
public sealed class CorpusStats
{
    private readonly ConcurrentDictionary<int, int> byStatus = new();
    private readonly ConcurrentDictionary<string, int> byFamily = new(StringComparer.Ordinal);
    private int sent;
    private int refusedRequests;
    private int refusedHeaders;
    private int transportErrors;
    private int rateLimited;
    private int failed;
    private int listChanges;

    public int Sent => sent;

    public int RateLimited => rateLimited;

    public int Failed => failed;

    public TimeSpan Elapsed { get; set; }

    public void CountSent(HostileRequest request, int status)
    {
        Interlocked.Increment(ref sent);
        byStatus.AddOrUpdate(status, 1, (_, count) => count + 1);
        byFamily.AddOrUpdate(request.Family, 1, (_, count) => count + 1);
    }

    public void CountRefusedRequest() => Interlocked.Increment(ref refusedRequests);

    public void CountRefusedHeader() => Interlocked.Increment(ref refusedHeaders);

    public void CountTransportError() => Interlocked.Increment(ref transportErrors);

    public void CountRateLimited() => Interlocked.Increment(ref rateLimited);

    public void CountFailed() => Interlocked.Increment(ref failed);

    public void CountListChange() => Interlocked.Increment(ref listChanges);

    public string Report()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"sent {sent} requests in {Elapsed.TotalSeconds:F1} s");
        text.Append(CultureInfo.InvariantCulture, $"; not sent (HttpClient refused the request) {refusedRequests}");
        text.Append(CultureInfo.InvariantCulture, $"; headers HttpClient refused to add (request sent without them) {refusedHeaders}");
        text.Append(CultureInfo.InvariantCulture, $"; transport errors {transportErrors}; 429s {rateLimited}; list changes applied {listChanges}; failed {failed}\n");
        text.Append("per status: ").AppendJoin(", ", byStatus.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}: {pair.Value}")).Append('\n');
        text.Append("per family: ").AppendJoin(", ", byFamily.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}: {pair.Value}"));
        return text.ToString();
    }
}
