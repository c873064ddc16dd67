using System.Diagnostics;
using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Recents.Silo.Storage;

/// <summary>
/// The silo's Table service requests, on the meter <c>Recents.Storage</c>
/// (<c>dotnet-counters monitor --counters Recents.Storage -p PID</c>), tagged with the HTTP method
/// (<c>operation</c>: GET reads, PUT/MERGE/PATCH/POST write, DELETE deletes) and the table (<c>table</c>):
/// <list type="bullet">
/// <item><c>recents.storage.operations</c>: once per storage call, however many times it was tried (a policy at
/// <see cref="HttpPipelinePosition.PerCall"/>, before the retry policy);</item>
/// <item><c>recents.storage.attempts</c>: once per HTTP request sent, every retry included
/// (<see cref="HttpPipelinePosition.PerRetry"/>); more attempts than operations means storage is failing or slow;</item>
/// <item><c>recents.storage.duration</c>: how long each storage call took, retries included, in seconds, also tagged
/// with the final <c>http.response.status_code</c> (or <c>error.type</c> when no answer came).</item>
/// </list>
/// The counters count a request when it is sent, whatever its answer.
/// </summary>
public sealed class StorageMetrics
{
    public const string MeterName = "Recents.Storage";
    public const string OperationsInstrument = "recents.storage.operations";
    public const string AttemptsInstrument = "recents.storage.attempts";
    public const string DurationInstrument = "recents.storage.duration";
    public const string StatusCodeTag = "http.response.status_code";
    public const string ErrorTypeTag = "error.type";
    public const string OperationTag = "operation";
    public const string TableTag = "table";

    /// <summary>The <c>table</c> of a request to the account itself (its service properties, say).</summary>
    public const string NoTable = "(account)";

    private readonly Counter<long> operations;
    private readonly Counter<long> attempts;
    private readonly Histogram<double> durations;

    public StorageMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        operations = meter.CreateCounter<long>(
            OperationsInstrument, "{operation}", "Table service calls of the silo's storage client, each counted once whatever its retries");
        attempts = meter.CreateCounter<long>(
            AttemptsInstrument, "{request}", "HTTP requests the silo's storage client sent to the Table service, retries included");
        durations = meter.CreateHistogram(
            DurationInstrument,
            "s",
            "Duration of the silo's Table service calls, retries included",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15] });
    }

    /// <summary>Counts the requests of every storage client built with <paramref name="options"/>.</summary>
    public void CountRequestsOf(ClientOptions options)
    {
        options.AddPolicy(new CountingPolicy(operations), HttpPipelinePosition.PerCall);
        options.AddPolicy(new TimingPolicy(durations), HttpPipelinePosition.PerCall);
        options.AddPolicy(new CountingPolicy(attempts), HttpPipelinePosition.PerRetry);
    }

    /// <summary>
    /// The table a Table service request path names: its segment after the account (for Azurite, whose paths start
    /// with the account name, that is the second), without the <c>(PartitionKey=…,RowKey=…)</c> or <c>()</c> that
    /// follows it. Keys are inside the parentheses, so a <c>/</c> in a key cannot move it. Table operations give
    /// <c>Tables</c>, batches <c>$batch</c>, requests to the account itself <see cref="NoTable"/>.
    /// </summary>
    public static string TableOf(string path)
    {
        var keys = path.IndexOf('(', StringComparison.Ordinal);
        var beforeKeys = keys < 0 ? path.AsSpan() : path.AsSpan(0, keys);
        var table = beforeKeys[(beforeKeys.LastIndexOf('/') + 1)..];
        return table.IsEmpty ? NoTable : table.ToString();
    }

    private sealed class CountingPolicy(Counter<long> counter) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            if (counter.Enabled)
            {
                var request = message.Request;
                counter.Add(
                    1,
                    new KeyValuePair<string, object?>(OperationTag, request.Method.Method),
                    new KeyValuePair<string, object?>(TableTag, TableOf(request.Uri.Path)));
            }
        }
    }

    private sealed class TimingPolicy(Histogram<double> durations) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                ProcessNext(message, pipeline);
            }
            catch (Exception exception)
            {
                Record(message, started, exception);
                throw;
            }

            Record(message, started, failure: null);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await ProcessNextAsync(message, pipeline);
            }
            catch (Exception exception)
            {
                Record(message, started, exception);
                throw;
            }

            Record(message, started, failure: null);
        }

        private void Record(HttpMessage message, long started, Exception? failure)
        {
            if (!durations.Enabled)
            {
                return;
            }

            var request = message.Request;
            var outcome = failure is null
                ? new KeyValuePair<string, object?>(StatusCodeTag, message.HasResponse ? message.Response.Status : null)
                : new KeyValuePair<string, object?>(ErrorTypeTag, failure.GetType().FullName);
            durations.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>(OperationTag, request.Method.Method),
                new KeyValuePair<string, object?>(TableTag, TableOf(request.Uri.Path)),
                outcome);
        }
    }
}
