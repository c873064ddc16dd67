using System.Diagnostics;
using System.Globalization;
using System.Net;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>
/// Storage goes away under a running silo and API: writes and readiness answer 503 with Retry-After (never
/// 500, never a hang), and once storage is back the service recovers by itself with nothing acknowledged lost.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    /// <summary>The API's grain call timeout (Cluster:ResponseTimeout, 15 s) plus slack.</summary>
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(20);

    private readonly AzuriteProcess storage = new();
    private RecentsApiFixture service = null!;

    public async Task InitializeAsync()
    {
        await storage.StartAsync();
        service = new RecentsApiFixture(storage.ConnectionString);
        await service.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        await storage.DisposeAsync();
    }

    [Fact]
    public async Task Writes_WhileStorageIsDown_Answer503AndSucceedAgainOnceItIsBack()
    {
        var user = service.NewUser();
        var directory = await service.NewDirectory().WithViewer(user.Id).SaveAsync();
        var (kept, duringOutage, afterOutage) = (await directory.AddIModelAsync(), await directory.AddIModelAsync(), await directory.AddIModelAsync());
        await user.AddAllAsync(kept);

        await storage.StopAsync();

        var elapsed = Stopwatch.StartNew();
        using (var refused = await user.AddAsync(duringOutage))
        {
            elapsed.Stop();
            await ApiAssert.ErrorAsync(refused, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
            var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
            Assert.True(int.Parse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture) >= 1, $"Retry-After: {retryAfter}");
            Assert.True(elapsed.Elapsed < AnswerBound, $"answered after {elapsed.Elapsed}");
        }

        using (var ready = await service.Client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        await storage.StartAsync();

        await user.AddAllAsync(afterOutage);
        Assert.Equal([afterOutage, kept], await user.ListIdsAsync(directory.ITwinId));
        using var readyAgain = await service.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);
    }
}
