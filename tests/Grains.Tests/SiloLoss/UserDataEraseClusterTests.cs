namespace Recents.Grains.Tests;

/// <summary>
/// Erasing a user's data on a three-silo cluster (docs/api.md#user-data): the user's grains, active on whichever silos
/// they were placed, are dropped, the user reads back empty through the cluster's client, and still after every silo
/// is stopped and the cluster started again on the same storage; other users keep their data.
/// </summary>
[Collection(SiloLossCollection.Name)]
public sealed class UserDataEraseClusterTests : IAsyncLifetime
{
    private static readonly TimeSpan DeactivationBound = TimeSpan.FromSeconds(10);

    private ThreeSiloAzureTableCluster? cluster;

    private ThreeSiloAzureTableCluster Silos => cluster ?? throw new InvalidOperationException("The cluster is not started.");

    public async Task InitializeAsync() => cluster = await ThreeSiloAzureTableCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Erase_OnThreeSilos_EmptiesTheUsersListsEverywhereAndAfterARestart()
    {
        // Enough users that their grains land on more than one silo.
        var users = new List<TestUser>();
        for (var i = 0; i < 12; i++)
        {
            users.Add(await TestUser.WithDataAsync(Silos.Client));
        }

        foreach (var user in users)
        {
            await user.AssertExportedAsync(Silos.Client);
        }

        var hosts = users.SelectMany(user => new[] { Silos.HostOf(user.RecentsGrain(Silos.Client)), Silos.HostOf(user.FavoritesGrain(Silos.Client)) })
            .ToHashSet();
        Assert.True(hosts.Count > 1, "the users' grains are active on more than one silo");
        var (erased, kept) = (users.Take(6).ToList(), users.Skip(6).ToList());

        foreach (var user in erased)
        {
            await TestUser.UserData(Silos.Client).EraseAsync(user.Id);
        }

        foreach (var user in erased)
        {
            await AssertNotActiveAsync(user);
        }

        foreach (var user in erased)
        {
            await TestUser.AssertEmptyAsync(Silos.Client, user.Id);
        }

        foreach (var user in kept)
        {
            await user.AssertExportedAsync(Silos.Client);
        }

        await Silos.RestartAsync();

        foreach (var user in erased)
        {
            await TestUser.AssertEmptyAsync(Silos.Client, user.Id);
        }

        foreach (var user in kept)
        {
            await user.AssertExportedAsync(Silos.Client);
        }
    }

    /// <summary>No silo keeps an activation (so a copy) of the erased user's grains; deactivation follows the erase shortly.</summary>
    private async Task AssertNotActiveAsync(TestUser user)
    {
        var deadline = DateTime.UtcNow + DeactivationBound;
        while (Silos.HostOf(user.RecentsGrain(Silos.Client)) is not null || Silos.HostOf(user.FavoritesGrain(Silos.Client)) is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the erased user's grains are still active after {DeactivationBound}");
            await Task.Delay(50);
        }
    }
}
