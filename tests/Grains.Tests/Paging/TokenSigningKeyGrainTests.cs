using Recents.Grains.Paging;
using Recents.Paging;

namespace Recents.Grains.Tests;

/// <summary>The deployment's token signing key: 32 random bytes, made once and the same on every call.</summary>
[Collection(MemoryStorageClusterCollection.Name)]
public sealed class TokenSigningKeyGrainTests(MemoryStorageCluster cluster)
{
    private ITokenSigningKeyGrain NewKeyGrain() => cluster.Client.GetGrain<ITokenSigningKeyGrain>(Random.Shared.NextInt64());

    [Fact]
    public async Task Get_IsThirtyTwoBytes_NotAllZero()
    {
        var key = await NewKeyGrain().GetAsync();

        Assert.Equal(TokenSigningKeyGrain.KeyBytes, key.Length);
        Assert.Equal(32, key.Length);
        Assert.Contains(key, value => value != 0);
    }

    [Fact]
    public async Task Get_OnEveryCall_GivesTheSameKey()
    {
        var keyGrain = NewKeyGrain();
        var first = await keyGrain.GetAsync();

        Assert.Equal(first, await keyGrain.GetAsync());
        Assert.Equal(first, await keyGrain.GetAsync());
    }

    [Fact]
    public async Task Get_ConcurrentFirstCalls_AllGiveTheSameKey()
    {
        var keyGrain = NewKeyGrain();

        var keys = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => keyGrain.GetAsync())));

        Assert.All(keys, key => Assert.Equal(keys[0], key));
    }

    [Fact]
    public async Task Get_OfAnotherDeployment_GivesAnotherKey()
    {
        Assert.NotEqual(await NewKeyGrain().GetAsync(), await NewKeyGrain().GetAsync());
    }
}
