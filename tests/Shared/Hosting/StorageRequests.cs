using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Recents.Silo.Storage;

namespace Recents.Tests.Shared;

/// <summary>
/// The storage requests one silo counts on its <c>Recents.Storage</c> meter, from construction until disposal.
/// Listens through a <see cref="MeterListener"/> like <c>dotnet-counters</c> does, but only to the meter of the given
/// silo's services (each host's <see cref="IMeterFactory"/> makes its own): silos of other test classes running at
/// the same time in this process are not counted.
/// </summary>
public sealed class StorageRequests : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<StorageRequest> recorded = new();
    private long lastRecordedTicks = Environment.TickCount64;

    /// <param name="services">The silo's services.</param>
    /// <param name="instrument">
    /// <see cref="StorageMetrics.OperationsInstrument"/> (calls) or <see cref="StorageMetrics.AttemptsInstrument"/> (tries).
    /// </param>
    public StorageRequests(IServiceProvider services, string instrument = StorageMetrics.OperationsInstrument)
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        var listeningToTheSilo = false;
        listener.InstrumentPublished = (published, listening) =>
        {
            if (published.Meter.Name == StorageMetrics.MeterName
                && ReferenceEquals(published.Meter.Scope, meters)
                && published.Name == instrument)
            {
                listening.EnableMeasurementEvents(published);
                listeningToTheSilo = true;
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? operation = null;
            string? table = null;
            foreach (var (key, tagValue) in tags)
            {
                operation = key == StorageMetrics.OperationTag ? tagValue as string : operation;
                table = key == StorageMetrics.TableTag ? tagValue as string : table;
            }

            for (var i = 0; i < value; i++)
            {
                recorded.Enqueue(new StorageRequest(operation ?? "(no operation tag)", table ?? "(no table tag)"));
            }

            Interlocked.Exchange(ref lastRecordedTicks, Environment.TickCount64);
        });
        listener.Start();

        // Counting nothing would pass every "no storage request" assertion: the instrument must be there already
        // (the silo builds its storage client, and with it the counters, as it starts).
        if (!listeningToTheSilo)
        {
            listener.Dispose();
            throw new InvalidOperationException($"The silo's {StorageMetrics.MeterName} meter has no instrument {instrument}.");
        }
    }

    public IReadOnlyList<StorageRequest> Recorded => recorded.ToArray();

    /// <summary>
    /// What was recorded, once nothing more has been for <paramref name="quiet"/> (a request the silo sends after the
    /// API has answered is then counted here, and not in the next test's window).
    /// </summary>
    public async Task<IReadOnlyList<StorageRequest>> SettledAsync(TimeSpan? quiet = null)
    {
        var wait = quiet ?? TimeSpan.FromMilliseconds(300);
        while (Environment.TickCount64 - Interlocked.Read(ref lastRecordedTicks) < wait.TotalMilliseconds)
        {
            await Task.Delay(wait / 4);
        }

        return Recorded;
    }

    public void Dispose() => listener.Dispose();
}

/// <summary>One storage request as the silo's meter tags it: HTTP method and table.</summary>
public sealed record StorageRequest(string Operation, string Table)
{
    public bool IsRead => Operation == "GET";

    public bool IsWrite => Operation is "PUT" or "MERGE" or "PATCH" or "POST";

    public override string ToString() => $"{Operation} {Table}";
}
