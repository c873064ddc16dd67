using System.Diagnostics;
using System.Globalization;
using System.Net;
using Recents.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Recents.Api.Tests;

/// <summary>
/// Rate limits (docs/api.md#rate-limits): per client application, per minute and per hour, for the whole deployment;
/// 429 RateLimitExceeded in the envelope with a truthful Retry-After. Budgets come from <see cref="TestRateLimits"/>.
/// Windows are fixed UTC minutes and hours of the fixture's <see cref="TestClock"/>, which stands still unless a test
/// moves it: no window ends during a test, and a test that needs to know how much of a window is left moves the clock
/// to a known instant first.
/// </summary>
public sealed class RateLimitingTests(ClockedApiFixture clocked, ITestOutputHelper output) : IClassFixture<ClockedApiFixture>
{
    private const string RateLimitExceededMessage =
        "The client sent more requests than allowed by this API for the current tier of the client.";

    private RecentsApiFixture Service => clocked.Service;

    private TestClock Clock => clocked.Clock;

    [Fact]
    public async Task Client_OverItsMinuteBudget_Gets429WithTheSecondsLeftInTheMinute()
    {
        Clock.AdvanceToNextMinute(TimeSpan.FromSeconds(10));
        const int secondsLeftInMinute = 50;
        var token = TokenOf(TestRateLimits.MinuteExhaustedClient);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < TestRateLimits.TinyPerMinute + 3; i++)
        {
            var response = await ListAsync(Service.Client, token);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                rejected?.Dispose();
                rejected = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.Equal(TestRateLimits.TinyPerMinute, statuses.Count(status => status != HttpStatusCode.TooManyRequests));
        Assert.All(statuses.Skip(TestRateLimits.TinyPerMinute), status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        using (rejected)
        {
            var error = await ApiAssert.ErrorAsync(rejected!, HttpStatusCode.TooManyRequests, "RateLimitExceeded");
            Assert.Equal(RateLimitExceededMessage, error.GetProperty("message").GetString());
            var retryAfter = RetryAfterSeconds(rejected!);
            Assert.InRange(retryAfter, 1, 60);
            Assert.InRange(retryAfter, secondsLeftInMinute - 2, secondsLeftInMinute + 2);
        }
    }

    [Fact]
    public async Task Favorites_OverTheMinuteBudget_Get429WithRetryAfterAndTheBudgetIsShared()
    {
        Clock.AdvanceToNextMinute(TimeSpan.FromSeconds(30));
        var token = TokenOf(TestRateLimits.FavoritesClient);
        var api = new ApiClient(Service.Client);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < TestRateLimits.TinyPerMinute; i++)
        {
            // Favorites and recents count against one budget: alternate them.
            var path = i % 2 == 0 ? $"/imodels/favorites?iTwinId={Guid.NewGuid()}" : $"/imodels/recents?iTwinId={Guid.NewGuid()}";
            using var admitted = await api.SendAsync(HttpMethod.Get, path, token);
            statuses.Add(admitted.StatusCode);
        }

        using var rejected = await api.SendAsync(HttpMethod.Put, $"/imodels/favorites/{Guid.NewGuid()}", token);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        var error = await ApiAssert.ErrorAsync(rejected, HttpStatusCode.TooManyRequests, "RateLimitExceeded");
        Assert.Equal(RateLimitExceededMessage, error.GetProperty("message").GetString());
        Assert.InRange(RetryAfterSeconds(rejected), 28, 32);
    }

    [Fact]
    public async Task Request_SentRetryAfterSecondsLater_IsAdmitted()
    {
        Clock.AdvanceToNextMinute(TimeSpan.FromSeconds(45));
        var token = TokenOf(TestRateLimits.RetryAfterClient);
        using var rejected = await ExhaustAsync(token, TestRateLimits.TinyPerMinute + 1);
        var retryAfter = RetryAfterSeconds(rejected);
        output.WriteLine($"Retry-After: {retryAfter} s");

        Clock.Time.Advance(TimeSpan.FromSeconds(retryAfter - 1));
        using var early = await ListAsync(Service.Client, token);
        Clock.Time.Advance(TimeSpan.FromSeconds(1));

        using var admitted = await ListAsync(Service.Client, token);
        Assert.Equal(HttpStatusCode.TooManyRequests, early.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, admitted.StatusCode);
    }

    [Fact]
    public async Task Client_OverItsHourBudget_IsToldToComeBackWhenTheHourEnds()
    {
        // 40 minutes 10 seconds into the hour: the hour ends long after the minute does.
        Clock.AdvanceToNextHour(TimeSpan.FromSeconds(2410));
        const int secondsLeftInHour = 1190;
        var token = TokenOf(TestRateLimits.HourExhaustedClient);

        using var rejected = await ExhaustAsync(token, TestRateLimits.TinyPerHour + 1);

        Assert.InRange(RetryAfterSeconds(rejected), secondsLeftInHour - 2, secondsLeftInHour + 2);
    }

    [Fact]
    public async Task Client_FloodingTheApi_NeitherLimitsNorSlowsAnother()
    {
        var flooding = TokenOf(TestRateLimits.FloodingClient);
        var quiet = TokenOf($"rl-quiet-{Guid.NewGuid():N}");
        using var cancel = new CancellationTokenSource();
        var flood = Task.Run(async () =>
        {
            var rejectedCount = 0;
            while (!cancel.IsCancellationRequested)
            {
                using var response = await ListAsync(Service.Client, flooding);
                rejectedCount += response.StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
            }

            return rejectedCount;
        });

        var slowest = TimeSpan.Zero;
        for (var i = 0; i < 30; i++)
        {
            var elapsed = Stopwatch.StartNew();
            using var response = await ListAsync(Service.Client, quiet);
            slowest = elapsed.Elapsed > slowest ? elapsed.Elapsed : slowest;
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        }

        await cancel.CancelAsync();
        var floodRejected = await flood;
        output.WriteLine($"flooding client: {floodRejected} rejected; quiet client: slowest of 30 requests {slowest.TotalMilliseconds:F0} ms");
        Assert.True(floodRejected > 0, "the flooding client was never limited, so this test showed nothing");
        Assert.True(slowest < TimeSpan.FromSeconds(2), $"the quiet client waited {slowest}");
    }

    [Fact]
    public async Task Budget_SharedByTwoApiProcesses_AdmitsNoMoreThanItAllows()
    {
        await using var secondApi = clocked.StartAnotherApi();
        using var secondClient = secondApi.CreateClient();
        var token = TokenOf(TestRateLimits.TwoProcessesClient);

        var requests = Enumerable.Range(0, 3 * TestRateLimits.SharedPerMinute)
            .Select(i => ListStatusAsync(i % 2 == 0 ? Service.Client : secondClient, token));
        var statuses = await Task.WhenAll(requests);

        var admitted = statuses.Count(status => status != HttpStatusCode.TooManyRequests);
        output.WriteLine($"{statuses.Length} requests over two API processes: {admitted} admitted, budget {TestRateLimits.SharedPerMinute}");
        Assert.True(admitted <= TestRateLimits.SharedPerMinute, $"admitted {admitted} over a budget of {TestRateLimits.SharedPerMinute}");
        // Each process may keep a few leased permits it did not get to spend (4 per lease at this budget).
        Assert.True(admitted >= TestRateLimits.SharedPerMinute - 6, $"admitted only {admitted} of {TestRateLimits.SharedPerMinute}");
    }

    [Fact]
    public async Task Client_WithoutClientId_IsTheAzpThenTheSub()
    {
        // Different users of one azp share its budget; client_id, when present, wins over azp.
        var byAzp = Enumerable.Range(0, TestRateLimits.TinyPerMinute + 1)
            .Select(_ => Service.Tokens.Create(new TokenSpec($"user-{Guid.NewGuid():N}") { Azp = TestRateLimits.AzpClient }));
        var statusesByAzp = new List<HttpStatusCode>();
        foreach (var token in byAzp)
        {
            statusesByAzp.Add(await ListStatusAsync(Service.Client, token));
        }

        var clientIdWins = Service.Tokens.Create(
            new TokenSpec($"user-{Guid.NewGuid():N}") { Azp = TestRateLimits.AzpClient, ClientId = TestRateLimits.OtherClient });
        var bySubject = Service.Tokens.Create(new TokenSpec(TestRateLimits.SubjectClient));
        var statusesBySubject = new List<HttpStatusCode>();
        for (var i = 0; i < TestRateLimits.TinyPerMinute + 1; i++)
        {
            statusesBySubject.Add(await ListStatusAsync(Service.Client, bySubject));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statusesByAzp[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statusesByAzp.Take(TestRateLimits.TinyPerMinute));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await ListStatusAsync(Service.Client, clientIdWins));
        Assert.Equal(HttpStatusCode.TooManyRequests, statusesBySubject[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statusesBySubject.Take(TestRateLimits.TinyPerMinute));
    }

    private string TokenOf(string clientId) =>
        Service.Tokens.Create(new TokenSpec($"user-{Guid.NewGuid():N}") { ClientId = clientId });

    private static Task<HttpResponseMessage> ListAsync(HttpClient client, string token) =>
        new ApiClient(client).SendAsync(HttpMethod.Get, $"/imodels/recents?iTwinId={Guid.NewGuid()}", token);

    private static async Task<HttpStatusCode> ListStatusAsync(HttpClient client, string token)
    {
        using var response = await ListAsync(client, token);
        return response.StatusCode;
    }

    /// <summary>Sends up to <paramref name="attempts"/> requests and returns the first 429.</summary>
    private async Task<HttpResponseMessage> ExhaustAsync(string token, int attempts)
    {
        for (var i = 0; i < attempts; i++)
        {
            var response = await ListAsync(Service.Client, token);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            response.Dispose();
        }

        throw new Xunit.Sdk.XunitException($"{attempts} requests were all admitted.");
    }

    private static int RetryAfterSeconds(HttpResponseMessage response) =>
        int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), NumberStyles.None, CultureInfo.InvariantCulture);
}
