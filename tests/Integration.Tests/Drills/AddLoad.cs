using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace Recents.Integration.Tests.Drills;

/// <summary>
/// A steady load of adds, as well-behaved clients send them: each of <see cref="Workers"/> workers owns a slice
/// of the users and adds for one user at a time, retrying an add until it is acknowledged, so that each user's
/// acknowledged adds have one order. A fifth of the adds go to one hot user per worker (whose list fills past
/// the cap); the rest go round-robin over the worker's other users, so every user gets adds.
/// </summary>
internal sealed class AddLoad : IAsyncDisposable
{
    public const int Workers = 24;
    public static readonly TimeSpan AttemptBound = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan WorkerInterval = TimeSpan.FromMilliseconds(160);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(90);
    private const double HotShare = 0.2;

    private readonly DrillWorld world;
    private readonly HttpClient[] apis;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<Attempt> attempts = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task[] workers;

    private AddLoad(DrillWorld world, IReadOnlyList<Uri> apiAddresses)
    {
        this.world = world;
        Adds = new AcknowledgedAdds(world.Users.Count);
        apis = apiAddresses.Select(address => new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromSeconds(30),
        })
        { BaseAddress = address, Timeout = AttemptBound }).ToArray();
        workers = Enumerable.Range(0, Workers).Select(worker => Task.Run(() => RunWorkerAsync(worker))).ToArray();
    }

    public AcknowledgedAdds Adds { get; }

    /// <summary>Time since the load started; drills stamp their faults with it.</summary>
    public TimeSpan Now => clock.Elapsed;

    public IReadOnlyList<Attempt> Attempts => attempts.ToArray();

    /// <summary>Sends each attempt to one of <paramref name="apiAddresses"/>, chosen at random.</summary>
    public static AddLoad Start(DrillWorld world, IReadOnlyList<Uri> apiAddresses) => new(world, apiAddresses);

    /// <summary>
    /// Lets the load run on, at most <paramref name="bound"/>, until every user has an acknowledged add: a drill that keeps
    /// the API down for a while leaves the round-robin short of its last users on a slow machine, and the drill's checks
    /// are meant to cover them all.
    /// </summary>
    public async Task UntilEveryUserHasAnAddAsync(TimeSpan bound)
    {
        var deadline = clock.Elapsed + bound;
        while (Adds.UsersWithAdds.Count() < world.Users.Count && clock.Elapsed < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Lets each worker finish the add it is on (until acknowledged), then stops.</summary>
    public async Task<TimeSpan> StopAsync()
    {
        await stopping.CancelAsync();
        await Task.WhenAll(workers);
        return Now;
    }

    public async ValueTask DisposeAsync()
    {
        if (!stopping.IsCancellationRequested)
        {
            await StopAsync();
        }

        foreach (var api in apis)
        {
            api.Dispose();
        }

        stopping.Dispose();
    }

    private async Task RunWorkerAsync(int worker)
    {
        var random = new Random(worker);
        var hotUser = worker;
        var coldUsers = Enumerable.Range(0, world.Users.Count).Where(user => user % Workers == worker && user != hotUser).ToArray();
        var nextCold = 0;
        var nextSlot = Now;
        while (!stopping.IsCancellationRequested)
        {
            var user = random.NextDouble() < HotShare ? hotUser : coldUsers[nextCold++ % coldUsers.Length];
            var iModelId = world.IModels[random.Next(world.IModels.Count)];
            if (await AddUntilAcknowledgedAsync(user, iModelId, random))
            {
                Adds.Acknowledged(user, iModelId);
            }
            else
            {
                Adds.GaveUp(user);
            }

            nextSlot += WorkerInterval;
            var wait = nextSlot - Now;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            else
            {
                nextSlot = Now; // behind schedule (an outage): carry on at the steady rate, without a burst
            }
        }
    }

    private async Task<bool> AddUntilAcknowledgedAsync(int user, Guid iModelId, Random random)
    {
        var giveUpAt = Now + GiveUpAfter;
        while (Now < giveUpAt)
        {
            var api = apis[random.Next(apis.Length)];
            var attempt = await SendAddAsync(api, world.UserTokens[user], iModelId);
            attempts.Enqueue(attempt);
            if (attempt.Result == AttemptResult.Acknowledged)
            {
                return true;
            }

            await Task.Delay(RetryDelay);
        }

        return false;
    }

    /// <summary>One add, timed on the load's clock and classified as the load's own are.</summary>
    internal async Task<Attempt> SendAddAsync(HttpClient api, string token, Guid iModelId)
    {
        var startedAt = Now;
        Attempt Outcome(AttemptResult result, string? detail = null) => new(startedAt, Now - startedAt, result, detail);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/imodels/recents/{iModelId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await api.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return response.StatusCode switch
            {
                HttpStatusCode.NoContent => Outcome(AttemptResult.Acknowledged),
                HttpStatusCode.ServiceUnavailable when response.Headers.RetryAfter?.Delta > TimeSpan.Zero && HasErrorEnvelope(body)
                    => Outcome(AttemptResult.Unavailable),
                _ => Outcome(AttemptResult.Unexpected, $"{(int)response.StatusCode} Retry-After={response.Headers.RetryAfter} {body}"),
            };
        }
        catch (TaskCanceledException)
        {
            return Outcome(AttemptResult.TimedOut);
        }
        catch (HttpRequestException exception) when (exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return Outcome(AttemptResult.ConnectionRefused);
        }
        catch (HttpRequestException exception)
        {
            return Outcome(AttemptResult.ConnectionBroken, exception.Message);
        }
    }

    private static bool HasErrorEnvelope(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error)
                && error.TryGetProperty("code", out var code) && code.GetString() is { Length: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
