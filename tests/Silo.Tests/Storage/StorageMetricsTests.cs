using System.Diagnostics.Metrics;
using System.Net;
using Azure;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Recents.Silo;
using Recents.Silo.Storage;

namespace Recents.Silo.Tests.Storage;

/// <summary>
/// The silo's storage counters on their own, without storage: the table tag, and calls against tries, through the
/// storage client options the silo really uses (its retry policy included) and an HTTP handler that answers instead.
/// </summary>
public sealed class StorageMetricsTests
{
    [Fact]
    public async Task Call_TriedThreeTimes_IsOneOperationAndThreeAttemptsTaggedWithMethodAndTable()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<StorageMetrics>().BuildServiceProvider();
        var answers = new ScriptedAnswers(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.NoContent);
        var table = ClientAnsweredBy(services.GetRequiredService<StorageMetrics>(), answers).GetTableClient(SiloSetup.GrainStateTable);
        using var operations = new StorageRequests(services, StorageMetrics.OperationsInstrument);
        using var attempts = new StorageRequests(services, StorageMetrics.AttemptsInstrument);

        await table.DeleteEntityAsync("partition", "row", ETag.All);

        Assert.Equal(3, answers.Sent);
        Assert.Equal(["DELETE RecentsGrainState"], operations.Recorded.Select(request => request.ToString()));
        Assert.Equal(Enumerable.Repeat("DELETE RecentsGrainState", 3), attempts.Recorded.Select(request => request.ToString()));
    }

    [Fact]
    public async Task Call_FailingEveryTry_IsStillOneOperation()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<StorageMetrics>().BuildServiceProvider();
        var answers = new ScriptedAnswers(HttpStatusCode.ServiceUnavailable);
        var table = ClientAnsweredBy(services.GetRequiredService<StorageMetrics>(), answers).GetTableClient(SiloSetup.GrainStateTable);
        using var operations = new StorageRequests(services, StorageMetrics.OperationsInstrument);
        using var attempts = new StorageRequests(services, StorageMetrics.AttemptsInstrument);

        await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<TableEntity>("partition", "row"));

        Assert.Equal(3, answers.Sent);
        Assert.Equal(["GET RecentsGrainState"], operations.Recorded.Select(request => request.ToString()));
        Assert.Equal(3, attempts.Recorded.Count);
    }

    [Fact]
    public void Meter_OfEachHost_IsItsOwnNamedRecentsStorage()
    {
        using var first = new ServiceCollection().AddMetrics().AddSingleton<StorageMetrics>().BuildServiceProvider();
        using var second = new ServiceCollection().AddMetrics().AddSingleton<StorageMetrics>().BuildServiceProvider();
        var meters = new List<Meter>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == StorageMetrics.MeterName && instrument.Name == StorageMetrics.OperationsInstrument)
                {
                    meters.Add(instrument.Meter);
                }
            },
        };

        _ = first.GetRequiredService<StorageMetrics>();
        _ = second.GetRequiredService<StorageMetrics>();
        listener.Start();

        Assert.Contains(meters, meter => ReferenceEquals(meter.Scope, first.GetRequiredService<IMeterFactory>()));
        Assert.Contains(meters, meter => ReferenceEquals(meter.Scope, second.GetRequiredService<IMeterFactory>()));
    }

    /// <summary>A Table service client with the silo's options whose requests <paramref name="answers"/> answers.</summary>
    private static TableServiceClient ClientAnsweredBy(StorageMetrics metrics, ScriptedAnswers answers)
    {
        var options = SiloSetup.StorageClientOptions(metrics);
        options.Transport = new HttpClientTransport(new HttpClient(answers));
        return new TableServiceClient(new Uri("http://127.0.0.1:9/devstoreaccount1?sv=2019-02-02&sig=test"), options);
    }

    /// <summary>Answers the requests with these statuses in turn, the last one from then on.</summary>
    private sealed class ScriptedAnswers(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        private int sent;

        public int Sent => sent;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var index = Interlocked.Increment(ref sent) - 1;
            return Task.FromResult(new HttpResponseMessage(statuses[Math.Min(index, statuses.Length - 1)]) { Content = new ByteArrayContent([]) });
        }
    }
}
