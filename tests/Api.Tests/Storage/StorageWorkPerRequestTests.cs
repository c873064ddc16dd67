using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Recents.Api.Tests.Infrastructure;
using Recents.Grains.RecentIModels;
using Recents.Hosting;
using Recents.Silo;
using Recents.Silo.Storage;
using Xunit.Abstractions;

namespace Recents.Api.Tests.Storage;

/// <summary>
/// The storage work of each kind of request (docs/performance.md), counted on the fixture silo's own
/// <c>Recents.Storage</c> meter from before the request is sent until the silo has been quiet for a moment after the
/// answer. In the shared collection, so no other test of this fixture runs meanwhile; other test classes' silos have
/// their own meters. Membership traffic (the silo's I-am-alive rows) is left out: it does not depend on requests.
/// "Warm" means the user's grain and the directory grains are active: the directory was just written through the
/// admin API and the user has made a request.
/// </summary>
[Collection(RecentsApiCollection.Name)]
public sealed class StorageWorkPerRequestTests(RecentsApiFixture fixture, ITestOutputHelper output)
{
    private static readonly string MembershipTable = new ClusterConnectionOptions().MembershipTableName;

    [Fact]
    public async Task Post_ChangingAWarmList_WritesTheUsersRowOnceAndReadsNothing()
    {
        var (user, directory, _) = await WarmUserAsync();
        var another = await directory.AddIModelAsync();

        var storage = await MeasureAsync(() => user.AddAsync(another));

        storage.AssertGrainStateOnly(reads: 0, writes: 1);
        Assert.Equal(2, (await user.ListIdsAsync(directory.ITwinId)).Count);
    }

    [Fact]
    public async Task Post_ReAddingTheFrontEntry_StillWritesOnceUnderTheETagCheck()
    {
        var (user, _, front) = await WarmUserAsync();

        var storage = await MeasureAsync(() => user.AddAsync(front));

        storage.AssertGrainStateOnly(reads: 0, writes: 1);
    }

    [Fact]
    public async Task Delete_FromAWarmList_WritesOnceAndReadsNothing()
    {
        var (user, _, listed) = await WarmUserAsync();

        var storage = await MeasureAsync(() => user.RemoveAsync(listed));

        storage.AssertGrainStateOnly(reads: 0, writes: 1);
    }

    [Fact]
    public async Task Get_OfAWarmList_DoesNoStorageWork()
    {
        var (user, directory, _) = await WarmUserAsync();

        var storage = await MeasureAsync(() => user.ListAsync(directory.ITwinId));

        storage.AssertGrainStateOnly(reads: 0, writes: 0);
    }

    [Fact]
    public async Task Get_FirstOfAUserNeverSeen_ReadsTheUsersRowOnce()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();

        var storage = await MeasureAsync(() => user.ListAsync(directory.ITwinId));

        storage.AssertGrainStateOnly(reads: 1, writes: 0);
    }

    [Fact]
    public async Task Get_FirstAfterTheUsersGrainWasDeactivated_ReadsTheUsersRowOnce()
    {
        var (user, directory, listed) = await WarmUserAsync();
        await fixture.SiloServices.GetRequiredService<IGrainFactory>()
            .GetGrain<IRecentIModelsGrain>(UserKey.FromUserId(user.Id))
            .Cast<IGrainManagementExtension>()
            .DeactivateOnIdle();

        var storage = await MeasureAsync(() => user.ListAsync(directory.ITwinId));

        storage.AssertGrainStateOnly(reads: 1, writes: 0);
        Assert.Equal([listed], await user.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Post_FirstOfAUserNeverSeen_ReadsTheUsersRowOnceThenWritesItOnce()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();

        var storage = await MeasureAsync(() => user.AddAsync(iModelId));

        storage.AssertGrainStateOnly(reads: 1, writes: 1);
    }

    /// <summary>A viewer of a new iTwin whose list holds one iModel: the user's grain and the directory grains are active.</summary>
    private async Task<(RecentsUser User, DirectoryBuilder Directory, Guid Listed)> WarmUserAsync()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var listed = await directory.AddIModelAsync();
        await user.AddAllAsync(listed);
        return (user, directory, listed);
    }

    /// <summary>Sends the request, expects a 2xx, and returns the silo's storage calls and tries meanwhile.</summary>
    private async Task<MeasuredStorage> MeasureAsync(Func<Task<HttpResponseMessage>> send)
    {
        using var operations = new StorageRequests(fixture.SiloServices, StorageMetrics.OperationsInstrument);
        using var attempts = new StorageRequests(fixture.SiloServices, StorageMetrics.AttemptsInstrument);
        using (var response = await send())
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        }

        var measured = new MeasuredStorage(
            (await operations.SettledAsync()).Where(request => request.Table != MembershipTable).ToList(),
            attempts.Recorded.Where(request => request.Table != MembershipTable).ToList());
        output.WriteLine($"storage operations: [{string.Join(", ", measured.Operations)}]; attempts: [{string.Join(", ", measured.Attempts)}]");
        return measured;
    }

    private sealed record MeasuredStorage(IReadOnlyList<StorageRequest> Operations, IReadOnlyList<StorageRequest> Attempts)
    {
        /// <summary>Exactly these reads and writes of grain state, nothing else on any table, and no retry.</summary>
        public void AssertGrainStateOnly(int reads, int writes)
        {
            var seen = $"storage operations: [{string.Join(", ", Operations)}]";
            Assert.True(Operations.All(request => request.Table == SiloSetup.GrainStateTable), seen);
            Assert.True(reads == Operations.Count(request => request.IsRead), $"expected {reads} read(s); {seen}");
            Assert.True(writes == Operations.Count(request => request.IsWrite), $"expected {writes} write(s); {seen}");
            Assert.True(reads + writes == Operations.Count, $"expected only reads and writes; {seen}");
            Assert.Equal(Operations.Select(request => request.ToString()).Order(), Attempts.Select(request => request.ToString()).Order());
        }
    }
}
