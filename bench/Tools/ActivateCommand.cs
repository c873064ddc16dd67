using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Recents.Grains.RecentIModels;
using Recents.Hosting;

namespace Recents.Bench.Tools;

/// <summary>
/// <c>activate --connection CS --service-id S --cluster-id C --template-user U --users N --concurrency K</c>: gives N new
/// users a copy of user U's stored list (written straight to the grain state table, so that the users need no adds),
/// then asks the cluster for each user's list, K at a time. Each of those calls is a user's first request: the silo
/// activates the user's grain and loads it from storage. Prints the latency of those first requests; the bench script
/// reads the silo's memory before and after.
/// </summary>
internal static class ActivateCommand
{
    private const string GrainStateTable = "RecentsGrainState";
    private const string StateName = "recentIModels";

    public static async Task<int> RunAsync(Arguments args)
    {
        var (connection, serviceId, users, concurrency) =
            (args.Text("connection"), args.Text("service-id"), args.Number("users"), args.Number("concurrency"));
        var table = new TableServiceClient(connection).GetTableClient(GrainStateTable);
        var template = (await table.GetEntityAsync<TableEntity>(PartitionKey(serviceId, args.Text("template-user")), StateName)).Value;
        var userIds = Enumerable.Range(0, users).Select(user => $"bench-memory-{user:D6}").ToArray();

        var copying = Stopwatch.StartNew();
        await Parallel.ForEachAsync(userIds, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (userId, cancellation) =>
        {
            var row = new TableEntity(template) { PartitionKey = PartitionKey(serviceId, userId), RowKey = StateName, ETag = default };
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellation);
        });
        var copied = copying.Elapsed;

        using var host = ClientHost(connection, serviceId, args.Text("cluster-id"));
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IClusterClient>();
        var latencies = new Latencies();
        var entries = 0L;
        var activating = Stopwatch.StartNew();
        await Parallel.ForEachAsync(userIds, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (userId, _) =>
        {
            var started = Stopwatch.GetTimestamp();
            var list = await grains.GetGrain<IRecentIModelsGrain>(UserKey.FromUserId(userId)).ListAsync();
            latencies.Record(Stopwatch.GetElapsedTime(started));
            Interlocked.Add(ref entries, list.Length);
        });
        Console.WriteLine(latencies.Summary(activating.Elapsed, new Dictionary<string, object>
        {
            ["entriesPerUser"] = entries / (double)users,
            ["copySeconds"] = Math.Round(copied.TotalSeconds, 1),
        }));
        await host.StopAsync();
        return 0;
    }

    /// <summary>As the Orleans Azure Table provider keys a grain's row: "{ServiceId}_{GrainId}", with / \ # ? replaced by _.</summary>
    private static string PartitionKey(string serviceId, string userId) =>
        $"{serviceId}_recentimodels/{UserKey.FromUserId(userId)}".Replace('/', '_').Replace('\\', '_').Replace('#', '_').Replace('?', '_');

    internal static IHost ClientHost(string connection, string serviceId, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options => (options.ServiceId, options.ClusterId) = (serviceId, clusterId));
            client.UseAzureStorageClustering(options =>
            {
                options.TableServiceClient = new TableServiceClient(connection);
                options.TableName = new ClusterConnectionOptions().MembershipTableName;
            });
        });
        return builder.Build();
    }
}
