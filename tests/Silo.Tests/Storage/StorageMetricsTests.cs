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
    public async Task Call_TriedTwice_IsOneDurationTaggedWithTheFinalStatus()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<StorageMetrics>().BuildServiceProvider();
        var answers = new ScriptedAnswers(HttpStatusCode.ServiceUnavailable, HttpStatusCode.NoContent);
        var table = ClientAnsweredBy(services.GetRequiredService<StorageMetrics>(), answers).GetTableClient(SiloSetup.GrainStateTable);
        var durations = new List<(double Seconds, Dictionary<string, object?> Tags)>();
        using var listener = DurationListener(services, durations);

        await table.DeleteEntityAsync("partition", "row", ETag.All);

        var (seconds, tags) = Assert.Single(durations);
        Assert.InRange(seconds, 0, 30);
        Assert.Equal(204, tags[StorageMetrics.StatusCodeTag]);
        Assert.Equal("DELETE", tags[StorageMetrics.OperationTag]);
        Assert.Equal(SiloSetup.GrainStateTable, tags[StorageMetrics.TableTag]);
    }

    [Fact]
    public async Task Call_ThatGetsNoAnswer_IsOneDurationTaggedWithTheErrorType()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<StorageMetrics>().BuildServiceProvider();
        var table = ClientAnsweredBy(services.GetRequiredService<StorageMetrics>(), new RefusingHandler()).GetTableClient(SiloSetup.GrainStateTable);
        var durations = new List<(double Seconds, Dictionary<string, object?> Tags)>();
        using var listener = DurationListener(services, durations);

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => table.GetEntityAsync<TableEntity>("partition", "row"));

        var (_, tags) = Assert.Single(durations);
        Assert.False(tags.ContainsKey(StorageMetrics.StatusCodeTag));
        Assert.Equal(thrown.GetType().FullName, tags[StorageMetrics.ErrorTypeTag]);
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

    private static MeterListener DurationListener(IServiceProvider services, List<(double Seconds, Dictionary<string, object?> Tags)> durations)
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listening) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name == StorageMetrics.DurationInstrument)
                {
                    listening.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) => durations.Add((value, new Dictionary<string, object?>(tags.ToArray()))));
        listener.Start();
        return listener;
    }

    /// <summary>A Table service client with the silo's options whose requests <paramref name="answers"/> answers.</summary>
    private static TableServiceClient ClientAnsweredBy(StorageMetrics metrics, HttpMessageHandler answers)
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

    /// <summary>Every request fails before an answer, as a refused connection does.</summary>
    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Connection refused (test)");
    }
}
