using System.Diagnostics;
using Azure.Data.Tables;

namespace Recents.Bench.Tools;

/// <summary>
/// <c>storage-ceiling --name NAME --connection CS --concurrency C --warmup S --duration S --users N</c>: single-entity upserts
/// straight to the table service, C at a time, each a row the size of a full 25-entry list, spread over N users'
/// partitions. The most writes per second any service storing a list per user can get from this storage.
/// </summary>
internal static class StorageCeilingCommand
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var table = new TableServiceClient(args.Text("connection")).GetTableClient("BenchStorageCeiling");
        await table.CreateIfNotExistsAsync();
        var users = args.Number("users");
        var payload = new byte[25 * 40];
        Random.Shared.NextBytes(payload);

        await RunForAsync(table, users, payload, args.Number("concurrency"), args.Seconds("warmup"), new Latencies());
        var measured = new Latencies();
        var duration = await RunForAsync(table, users, payload, args.Number("concurrency"), args.Seconds("duration"), measured);
        Console.WriteLine(measured.Summary(duration, new Dictionary<string, object> { ["id"] = "storage-ceiling", ["name"] = args.Text("name") }));
        return 0;
    }

    private static async Task<TimeSpan> RunForAsync(
        TableClient table, int users, byte[] payload, int concurrency, TimeSpan duration, Latencies latencies)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var random = new Random(worker);
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                try
                {
                    var entity = new TableEntity($"user{random.Next(users)}", "recents") { ["Data"] = payload };
                    await table.UpsertEntityAsync(entity, TableUpdateMode.Replace);
                    latencies.Record(clock.Elapsed - started);
                }
                catch (Azure.RequestFailedException)
                {
                    latencies.Error();
                }
            }
        }));
        return clock.Elapsed;
    }
}
