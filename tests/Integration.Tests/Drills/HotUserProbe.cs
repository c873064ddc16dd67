using System.Collections.Concurrent;

namespace Recents.Integration.Tests.Drills;

/// <summary>
/// One user far hotter than the load's: every second, <see cref="BurstSize"/> adds for <see cref="DrillWorld.ProbeUser"/>
/// sent at once, whether or not the earlier ones were answered, as several clients of one user would. Its user's grain
/// runs one call at a time, so when storage slows down the adds queue at the grain; the probe records what each add
/// got and how many were waiting for an answer at each burst. Its adds are not part of the load's list checks.
/// </summary>
internal sealed class HotUserProbe : IAsyncDisposable
{
    public const int BurstSize = 3;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly DrillWorld world;
    private readonly AddLoad load;
    private readonly HttpClient http;
    private readonly ConcurrentQueue<Attempt> attempts = new();
    private readonly ConcurrentQueue<(TimeSpan At, int Waiting)> waiting = new();
    private readonly List<Task> sent = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly Task bursting;
    private int inFlight;

    private HotUserProbe(DrillWorld world, Uri api, AddLoad load)
    {
        this.world = world;
        this.load = load;
        http = new HttpClient { BaseAddress = api, Timeout = AddLoad.AttemptBound };
        bursting = Task.Run(BurstAsync);
    }

    public IReadOnlyList<Attempt> Attempts => attempts.ToArray();

    /// <summary>Timed on <paramref name="load"/>'s clock, so that its attempts line up with the load's.</summary>
    public static HotUserProbe Start(DrillWorld world, Uri api, AddLoad load) => new(world, api, load);

    /// <summary>The most adds waiting for an answer when a burst went out between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public int MaxWaiting(TimeSpan from, TimeSpan to) =>
        waiting.Where(sample => sample.At >= from && sample.At < to).Select(sample => sample.Waiting).DefaultIfEmpty(0).Max();

    /// <summary>Stops bursting and waits for every add sent to be answered (or to time out).</summary>
    public async Task StopAsync()
    {
        if (!stopping.IsCancellationRequested)
        {
            await stopping.CancelAsync();
            await bursting;
            await Task.WhenAll(sent);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        http.Dispose();
        stopping.Dispose();
    }

    private async Task BurstAsync()
    {
        var next = 0;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            waiting.Enqueue((load.Now, Volatile.Read(ref inFlight)));
            for (var add = 0; add < BurstSize; add++)
            {
                sent.Add(SendAsync(world.IModels[next++ % world.IModels.Count]));
            }
        }
        while (await WaitForNextAsync(timer));
    }

    private async Task<bool> WaitForNextAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task SendAsync(Guid iModelId)
    {
        Interlocked.Increment(ref inFlight);
        try
        {
            attempts.Enqueue(await load.SendAddAsync(http, world.ProbeUserToken, iModelId));
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
