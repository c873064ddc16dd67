using System.Diagnostics;
using System.Globalization;
using System.Net;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>
/// With the silo gone and the API still up, requests answer 503 ServiceUnavailable with a Retry-After,
/// never a 500 and never a hang (docs/api.md#common-rules), and readiness says so. Own fixture: it breaks its cluster.
/// </summary>
public sealed class UnavailabilityTests(RecentsApiFixture fixture) : IClassFixture<RecentsApiFixture>
{
    /// <summary>The API's grain call timeout (Cluster:ResponseTimeout, 15 s) plus slack.</summary>
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task SiloOutage_Requests_Answer503WithRetryAfterAndOnlyReadinessFails()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();
        await user.AddAllAsync(iModelId);
        var favorites = fixture.Favorites(user);
        await favorites.AddAllAsync(iModelId);

        await fixture.StopSiloAsync();

        await AssertUnavailableAsync(() => user.AddAsync(iModelId));
        await AssertUnavailableAsync(() => user.ListAsync(directory.ITwinId));
        await AssertUnavailableAsync(() => user.RemoveAsync(iModelId));
        await AssertUnavailableAsync(() => favorites.AddAsync(iModelId));
        await AssertUnavailableAsync(() => favorites.ListAsync(directory.ITwinId));
        await AssertUnavailableAsync(() => favorites.RemoveAsync(iModelId));

        using var ready = await fixture.Client.GetAsync("/health/ready");
        await ApiAssert.ErrorAsync(ready, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
        Assert.Single(ready.Headers.GetValues("Retry-After"));
        using var live = await fixture.Client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private static async Task AssertUnavailableAsync(Func<Task<HttpResponseMessage>> send)
    {
        var elapsed = Stopwatch.StartNew();
        using var response = await send();
        elapsed.Stop();

        Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        await ApiAssert.ErrorAsync(response, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.True(int.Parse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture) >= 1, $"Retry-After: {retryAfter}");
        Assert.True(elapsed.Elapsed < AnswerBound, $"answered after {elapsed.Elapsed}");
    }
}
