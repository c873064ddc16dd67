using System.Diagnostics;
using System.Net;
using Recents.Bench.Alternative.Tests.Infrastructure;
using Recents.Grains.RecentIModels;

namespace Recents.Bench.Alternative.Tests;

[Collection(AlternativeCollection.Name)]
public sealed class ConcurrencyTests(AlternativeFixture fixture)
{
    [Fact]
    public async Task FiftyConcurrentAdds_ForOneUser_AreAllAcknowledged_AndTheListIsTheLast25OfThem()
    {
        var user = fixture.Directory.NewUser();
        var iModels = fixture.Directory.OpenInA.Take(50).ToList();
        var clock = Stopwatch.StartNew();

        var requests = iModels.Select(async iModelId =>
        {
            await Task.Yield();
            var sent = clock.Elapsed;
            var status = await fixture.Client.AddAsync(user, iModelId);
            return (IModelId: iModelId, Status: status, Sent: sent, Answered: clock.Elapsed);
        }).ToList();
        var results = await Task.WhenAll(requests);

        Assert.All(results, result => Assert.Equal(HttpStatusCode.NoContent, result.Status));
        var (status, listed) = await fixture.Client.ListAsync(user, fixture.Directory.ITwinA);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(RecentIModelsLimits.Capacity, listed!.Count);
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.All(listed, id => Assert.Contains(id, iModels));

        // The list must be the last 25 adds of some order in which the adds took effect, each between its request
        // and its answer: a listed entry is not older than an add that started after it was answered, and no add
        // that started after a listed entry was answered can be missing.
        var timing = results.ToDictionary(result => result.IModelId);
        for (var newer = 0; newer < listed.Count; newer++)
        {
            for (var older = newer + 1; older < listed.Count; older++)
            {
                Assert.False(
                    timing[listed[newer]].Answered < timing[listed[older]].Sent,
                    $"{listed[newer]} is listed before {listed[older]}, but its add was answered before that one was sent.");
            }
        }

        foreach (var missing in iModels.Except(listed))
        {
            Assert.DoesNotContain(listed, kept => timing[kept].Answered < timing[missing].Sent);
        }
    }

    [Fact]
    public async Task ConcurrentAdds_OfTwoUsers_DoNotMix()
    {
        var (first, second) = (fixture.Directory.NewUser(), fixture.Directory.NewUser());
        var firstIModels = fixture.Directory.OpenInA.Take(10).ToList();
        var secondIModels = fixture.Directory.OpenInA.Skip(10).Take(10).ToList();

        var statuses = await Task.WhenAll(
            firstIModels.Select(id => fixture.Client.AddAsync(first, id))
                .Concat(secondIModels.Select(id => fixture.Client.AddAsync(second, id))));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.NoContent, status));
        var (_, firstListed) = await fixture.Client.ListAsync(first, fixture.Directory.ITwinA);
        var (_, secondListed) = await fixture.Client.ListAsync(second, fixture.Directory.ITwinA);
        Assert.Equal(firstIModels.Order(), firstListed!.Order());
        Assert.Equal(secondIModels.Order(), secondListed!.Order());
    }
}
