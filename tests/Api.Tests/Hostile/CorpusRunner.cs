using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Recents.Api.Tests.Hostile;

/// <summary>
/// Sends a corpus: each lane in order, lanes side by side, at most <c>maxInFlight</c> requests at once. Checks every
/// response (<see cref="ResponseChecks"/>) and applies the list changes of the successful ones to the model.
/// </summary>
public sealed class CorpusRunner(HttpClient http, HostileWorld world, ListModel model, int maxInFlight = 12)
{
    private const int KeptFailures = 40;

    /// <summary>The API's request body limit (RequestSizeLimits.MaxBodySize in src/Api).</summary>
    private const int OversizedBody = 1024 * 1024;

    private static readonly HashSet<string> ContentHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Encoding", "Content-Language", "Content-Location", "Content-MD5", "Content-Range", "Content-Disposition", "Expires", "Last-Modified", "Allow",
    };

    private readonly ConcurrentQueue<string> failures = new();

    public CorpusStats Stats { get; } = new();

    /// <summary>The first failures, in full.</summary>
    public IReadOnlyCollection<string> Failures => failures;

    public async Task RunAsync(IEnumerable<HostileRequest> corpus)
    {
        using var gate = new SemaphoreSlim(maxInFlight);
        var lanes = corpus.GroupBy(request => request.Lane).Select(lane => lane.OrderBy(request => request.Index).ToList()).ToList();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(lanes.Select(lane => Task.Run(() => RunLaneAsync(lane, gate))));
        Stats.Elapsed = stopwatch.Elapsed;
    }

    private async Task RunLaneAsync(List<HostileRequest> lane, SemaphoreSlim gate)
    {
        foreach (var request in lane)
        {
            await gate.WaitAsync();
            try
            {
                await RunOneAsync(request);
            }
            finally
            {
                gate.Release();
            }
        }
    }

    private async Task RunOneAsync(HostileRequest request)
    {
        HttpRequestMessage message;
        try
        {
            message = Build(request);
        }
        catch (UriFormatException)
        {
            // Never reaches the server: HttpClient cannot even form the request.
            Stats.CountRefusedRequest();
            return;
        }

        using (message)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
            {
                Stats.CountTransportError();
                Fail(request, null, "", [$"no response: {exception.GetType().Name}: {exception.Message} {exception.InnerException?.Message}"]);
                return;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync();
                Stats.CountSent(request, (int)response.StatusCode);
                var (problems, matched) = ResponseChecks.Check(request, response, body, model, world);
                if ((int)response.StatusCode == 429)
                {
                    Stats.CountRateLimited();
                }

                if (matched?.Change is { } change && response.IsSuccessStatusCode)
                {
                    // The server answered 2xx to a change it may make: the list changed, whatever else is wrong.
                    model.Apply(change);

                    Stats.CountListChange();
                }

                if (problems.Count > 0)
                {
                    Fail(request, response, body, problems);
                }
            }
        }
    }

    private HttpRequestMessage Build(HostileRequest request)
    {
        var origin = http.BaseAddress!.GetLeftPart(UriPartial.Authority);
        var message = new HttpRequestMessage(request.Method, new Uri(origin + request.PathAndQuery, UriKind.Absolute));
        if (request.Token.AuthorizationValues.Count > 0)
        {
            message.Headers.TryAddWithoutValidation("Authorization", request.Token.AuthorizationValues);
        }

        if (request.Body is not null)
        {
            // A body over the limit is announced with Expect: 100-continue. Uploaded blindly, it races the server's early
            // 413: the server closes the connection mid-upload and HttpClient reports a broken pipe instead of the
            // response. Announced, the refusal comes before any upload.
            message.Headers.ExpectContinue = request.Body.Length > OversizedBody;
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        foreach (var header in request.Headers)
        {
            bool added;
            try
            {
                if (ContentHeaders.Contains(header.Name))
                {
                    message.Content ??= new ByteArrayContent([]);
                    added = message.Content.Headers.TryAddWithoutValidation(header.Name, header.Values);
                }
                else
                {
                    added = message.Headers.TryAddWithoutValidation(header.Name, header.Values);
                }
            }
            catch (Exception exception) when (exception is ArgumentException or FormatException)
            {
                added = false;
            }

            if (!added)
            {
                Stats.CountRefusedHeader();
            }
        }

        return message;
    }

    private void Fail(HostileRequest request, HttpResponseMessage? response, string body, List<string> problems)
    {
        Stats.CountFailed();
        if (failures.Count >= KeptFailures)
        {
            return;
        }

        var text = new StringBuilder(request.Describe()).Append('\n');
        if (response is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"  got: {(int)response.StatusCode} {response.StatusCode}, Content-Type {response.Content.Headers.ContentType?.ToString() ?? "(none)"}");
            foreach (var name in new[] { "WWW-Authenticate", "Retry-After", "X-Correlation-Id" })
            {
                if (response.Headers.TryGetValues(name, out var values))
                {
                    text.Append(CultureInfo.InvariantCulture, $", {name}: {string.Join(", ", values)}");
                }
            }

            text.Append(CultureInfo.InvariantCulture, $"\n  body: {HostileRequest.Shorten(body, 600)}\n");
        }

        text.Append("  problems: ").AppendJoin("; ", problems);
        failures.Enqueue(text.ToString());
    }
}
