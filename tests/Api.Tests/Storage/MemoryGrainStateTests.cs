using Microsoft.Extensions.Logging;
using Recents.Api.Tests.Infrastructure;
using Recents.Hosting;

namespace Recents.Api.Tests.Storage;

/// <summary>
/// <c>GrainState:Kind=Memory</c> (benchmarks only): the service works end to end with grain state in silo memory, the
/// silo sends no grain state request to storage (membership stays on Azure Table), and it says so at start.
/// Own silo and API.
/// </summary>
public sealed class MemoryGrainStateTests(MemoryGrainStateTests.MemoryStateSilo memory) : IClassFixture<MemoryGrainStateTests.MemoryStateSilo>
{
    private RecentsApiFixture Service => memory.Service;

    [Fact]
    public async Task Adds_lists_and_the_directory_work_with_no_storage_request_but_membership()
    {
        using var storage = new StorageRequests(Service.SiloServices);
        var user = Service.NewUser();
        var directory = await Service.NewDirectory().WithViewer(user.Id).SaveAsync();
        var ids = await directory.AddIModelsAsync(3);

        await user.AddAllAsync(ids);
        await user.AddAllAsync(ids[0]);

        Assert.Equal([ids[0], ids[2], ids[1]], await user.ListIdsAsync(directory.ITwinId));
        var membership = new ClusterConnectionOptions().MembershipTableName;
        var requests = await storage.SettledAsync();
        Assert.True(requests.All(request => request.Table == membership), $"storage requests: [{string.Join(", ", requests)}]");
    }

    [Fact]
    public void The_silo_warns_at_start_that_state_is_lost_with_it() =>
        Assert.Contains(Service.SiloLogs.Lines, line =>
            line.Level == LogLevel.Warning
            && line.Message.Contains("GrainState:Kind is Memory", StringComparison.Ordinal)
            && line.Message.Contains("lost when the silo stops", StringComparison.Ordinal));

    /// <summary>A silo with <c>GrainState:Kind=Memory</c>, and the API.</summary>
    public sealed class MemoryStateSilo : IAsyncLifetime
    {
        public RecentsApiFixture Service { get; } = new(
            TestStorage.ConnectionString, siloSettings: new Dictionary<string, string> { ["GrainState:Kind"] = "Memory" });

        public Task InitializeAsync() => Service.InitializeAsync();

        public Task DisposeAsync() => Service.DisposeAsync();
    }
}
