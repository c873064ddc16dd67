using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans.TestingHost;
using Recents.Grains.RecentIModels;
using Xunit.Abstractions;
using static Recents.Grains.Tests.TestRecents;

namespace Recents.Grains.Tests;

/// <summary>
/// Losing a silo loses no acknowledged change (docs/api.md#operations: "204 means the change is durable"): the lists of the
/// users whose grains it hosted are exactly what was acknowledged, order included, once those grains are
/// reactivated on the surviving silos from Azure Table storage, and the calls that fail meanwhile fail as
/// "unavailable" (503 at the API), never otherwise. Three in-process silos, a fresh cluster per test (a silo is
/// lost in each); timings go to the test output.
/// </summary>
[Collection(SiloLossCollection.Name)]
public sealed class SiloLossTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>How a silo is lost.</summary>
    public enum Loss
    {
        /// <summary>A crash: the survivors must find out by probing (see <see cref="SiloCrashes"/>).</summary>
        Crash,

        /// <summary><see cref="InProcessTestCluster.KillSiloAsync"/> alone: the silo declares itself dead on its way down.</summary>
        KillSiloAsync,
    }

    /// <summary>From a crash to the survivors' declaring the silo dead; 1 to 3 s is usual (probes every second, two missed).</summary>
    private static readonly TimeSpan DeathDeclarationBound = TimeSpan.FromSeconds(15);

    /// <summary>How long a lost silo's grains may stay unreachable, counted from the loss.</summary>
    private static readonly TimeSpan FailoverBound = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private ThreeSiloAzureTableCluster? cluster;

    private ThreeSiloAzureTableCluster Silos => cluster ?? throw new InvalidOperationException("The cluster is not started.");

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        cluster = await ThreeSiloAzureTableCluster.StartAsync();
        output.WriteLine($"{ThreeSiloAzureTableCluster.SiloCount} silos started in {clock.ElapsedMilliseconds} ms");
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary>
    /// 200 users' grains spread over the silos; the one hosting the most is lost. Once the survivors have declared
    /// it dead (a crash: within seconds, by probing it), every list reads back exactly as acknowledged, further
    /// adds work, and the lost silo's grains are active on the survivors.
    /// </summary>
    [Theory]
    [InlineData(Loss.Crash)]
    [InlineData(Loss.KillSiloAsync)]
    public async Task KilledSilo_AcknowledgedAdds_AreKeptAndItsGrainsReactivateOnTheSurvivors(Loss loss)
    {
        var users = await AddToNewUsersAsync(count: 200, addsEach: 3);
        var (victim, hosted) = BusiestSilo(users);
        var survivors = SilosOtherThan(victim);

        var clock = Stopwatch.StartNew();
        await LoseAsync(victim, loss);
        var killTook = clock.Elapsed;
        var declaredDeadAfter = await WaitUntilDeclaredDeadAsync(victim, survivors, clock);
        var voters = await VotersAgainstAsync(victim);
        if (loss == Loss.Crash)
        {
            // The survivors, not the victim, declared it dead: the crash simulation works.
            Assert.NotEmpty(voters);
            Assert.All(voters, voter => Assert.Contains(voter, survivors.Select(silo => silo.SiloAddress)));
        }

        var listed = await ListAllAsync(users);
        var listedAfter = clock.Elapsed;
        Assert.All(users.Zip(listed), pair => Assert.Equal(pair.First.Expected, pair.Second));

        await ForEachAsync(users, user => user.AddAsync(NewEntry()));
        var relisted = await ListAllAsync(users);
        Assert.All(users.Zip(relisted), pair => Assert.Equal(pair.First.Expected, pair.Second));
        AssertHostedOn(survivors, hosted);
        output.WriteLine(
            $"{loss} of the silo hosting {hosted.Length} of {users.Length} users: kill took {killTook.TotalMilliseconds:F0} ms, "
            + $"declared dead {declaredDeadAfter.TotalMilliseconds:F0} ms after the loss by {string.Join(", ", voters)}; "
            + $"every list read back {listedAfter.TotalMilliseconds:F0} ms after the loss");
    }

    /// <summary>
    /// Every user adds and lists without pause while the busiest silo stops gracefully (a rolling restart). Its
    /// grains move to the survivors and nothing acknowledged is lost, and every listing along the way is exact. The
    /// calls caught in the hand-over do not all succeed: most of those fail at once (SiloUnavailableException,
    /// "Silo stopping"), but in about half of the runs some are lost and fail only at the response timeout (15 s,
    /// like the API's: Orleans does not fail a call whose response was lost with its silo any sooner). Retried as a 503
    /// would be, they succeed.
    /// </summary>
    [Fact]
    public async Task GracefulStop_LosesNoAcknowledgedAdd_AndCallsDuringItFailOnlyAsUnavailable()
    {
        var users = await AddToNewUsersAsync(count: 60, addsEach: 2);
        var (victim, hosted) = BusiestSilo(users);
        var survivors = SilosOtherThan(victim);
        var calls = new CallLog();
        using var stopCalling = new CancellationTokenSource();
        var callers = users.Select(user => Task.Run(() => CallUntilStoppedAsync(user, calls, stopCalling.Token))).ToArray();

        await WaitUntilAsync(() => calls.SucceededDuring(CallLog.Phase.BeforeStop) >= users.Length, "calls before the stop");
        var clock = Stopwatch.StartNew();
        calls.Mark(CallLog.Phase.DuringStop);
        await Silos.Cluster.StopSiloAsync(victim);
        var stopTook = clock.Elapsed;
        calls.Mark(CallLog.Phase.AfterStop);
        await WaitUntilAsync(() => calls.SucceededDuring(CallLog.Phase.AfterStop) >= users.Length, "calls after the stop");
        await stopCalling.CancelAsync();
        await Task.WhenAll(callers);

        output.WriteLine(
            $"graceful stop of the silo {victim.SiloAddress} (gateway {victim.GatewayAddress}) hosting {hosted.Length} of {users.Length} users took {stopTook.TotalMilliseconds:F0} ms; "
            + $"calls before/during/after the stop: {calls.Summary}");
        Assert.All(calls.Failures, failure => Assert.True(
            IsClusterUnavailability(failure.Exception), $"{failure.Operation} failed with an unexpected {failure.Exception}"));
        Assert.Empty(calls.WrongLists);
        Assert.True(calls.SucceededDuring(CallLog.Phase.DuringStop) > 0, "no call overlapped the stop: the test proved nothing");
        var listed = await ListAllAsync(users);
        Assert.All(users.Zip(listed), pair => Assert.Equal(pair.First.Expected, pair.Second));
        AssertHostedOn(survivors, hosted);
    }

    /// <summary>
    /// The users of a crashed silo call their grains at once and keep retrying: their calls fail as unavailable
    /// (the grain directory still points at the dead silo, and the client still tries its gateway) until the
    /// survivors declare it dead, 1 to 3 s later; then the grains reactivate on the survivors with their stored lists.
    /// </summary>
    [Fact]
    public async Task CrashedSilosGrains_CalledRightAway_AnswerWithinTheFailoverBoundWithStateIntact()
    {
        var users = await AddToNewUsersAsync(count: 90, addsEach: 3);
        var (victim, hosted) = BusiestSilo(users);
        var survivors = SilosOtherThan(victim);
        var failures = new ConcurrentBag<Exception>();

        var clock = Stopwatch.StartNew();
        await Silos.CrashAsync(victim);
        var answers = await Task.WhenAll(hosted.Select(user => ListWithRetriesAsync(user, clock, failures)));

        Assert.All(hosted.Zip(answers), pair => Assert.Equal(pair.First.Expected, pair.Second.Listed));
        Assert.All(failures, failure => Assert.True(IsClusterUnavailability(failure), $"unexpected failure: {failure}"));
        Assert.All(await VotersAgainstAsync(victim), voter => Assert.Contains(voter, survivors.Select(silo => silo.SiloAddress)));
        await ForEachAsync(hosted, user => user.AddAsync(NewEntry()));
        var relisted = await ListAllAsync(hosted);
        Assert.All(hosted.Zip(relisted), pair => Assert.Equal(pair.First.Expected, pair.Second));
        AssertHostedOn(survivors, hosted);
        output.WriteLine(
            $"crash of the silo hosting {hosted.Length} of {users.Length} users: first answers "
            + $"{answers.Min(answer => answer.After).TotalMilliseconds:F0}..{answers.Max(answer => answer.After).TotalMilliseconds:F0} ms "
            + $"after the crash; {failures.Count} failed attempts before: "
            + string.Join("; ", failures.GroupBy(failure => failure.GetType().Name).Select(group => $"{group.Count()} {group.Key}")));
    }

    /// <summary>
    /// How Orleans tells a caller that a grain is out of reach for now (the API answers these 503): a rejection
    /// (<see cref="SiloUnavailableException"/> among them), a gateway it cannot connect to, or no response in time.
    /// Anything else (a storage error, a wrong result) is a bug.
    /// </summary>
    private static bool IsClusterUnavailability(Exception failure) => failure is OrleansException or TimeoutException;

    private Task LoseAsync(InProcessSiloHandle victim, Loss loss) => loss switch
    {
        Loss.Crash => Silos.CrashAsync(victim),
        Loss.KillSiloAsync => Silos.Cluster.KillSiloAsync(victim),
        _ => throw new ArgumentOutOfRangeException(nameof(loss)),
    };

    /// <summary>New users, each given <paramref name="addsEach"/> distinct entries one after another; users in parallel.</summary>
    private async Task<User[]> AddToNewUsersAsync(int count, int addsEach)
    {
        var clock = Stopwatch.StartNew();
        var users = Enumerable.Range(0, count).Select(_ => new User(NewUsersList(Silos.Client))).ToArray();
        await ForEachAsync(users, async user =>
        {
            for (var i = 0; i < addsEach; i++)
            {
                await user.AddAsync(NewEntry());
            }
        });
        output.WriteLine($"{count} users x {addsEach} adds in {clock.ElapsedMilliseconds} ms");
        return users;
    }

    /// <summary>The silo that hosts the most of <paramref name="users"/>' grains, and those users.</summary>
    private (InProcessSiloHandle Silo, User[] Hosted) BusiestSilo(User[] users)
    {
        var hosts = users.ToDictionary(user => user, user => Silos.HostOf(user.List));
        Assert.All(hosts.Values, Assert.NotNull);
        var busiest = Silos.Cluster.Silos
            .Select(silo => (Silo: silo, Hosted: users.Where(user => silo.SiloAddress.Equals(hosts[user])).ToArray()))
            .MaxBy(silo => silo.Hosted.Length);
        Assert.NotEmpty(busiest.Hosted);
        output.WriteLine("users per silo: " + string.Join(", ", hosts.Values.GroupBy(host => host).Select(group => $"{group.Key}: {group.Count()}")));
        return busiest;
    }

    private InProcessSiloHandle[] SilosOtherThan(InProcessSiloHandle silo)
    {
        var others = Silos.Cluster.Silos.Where(other => other != silo).ToArray();
        Assert.Equal(ThreeSiloAzureTableCluster.SiloCount - 1, others.Length);
        return others;
    }

    /// <summary>Waits until every survivor's membership says <paramref name="victim"/> is dead; when that was on <paramref name="sinceLoss"/>.</summary>
    private static async Task<TimeSpan> WaitUntilDeclaredDeadAsync(InProcessSiloHandle victim, InProcessSiloHandle[] survivors, Stopwatch sinceLoss)
    {
        while (survivors.Any(survivor => ThreeSiloAzureTableCluster.StatusOf(victim.SiloAddress, survivor) != SiloStatus.Dead))
        {
            if (sinceLoss.Elapsed > DeathDeclarationBound)
            {
                Assert.Fail(
                    $"{victim.SiloAddress} was not declared dead within {DeathDeclarationBound}: the survivors see it "
                    + string.Join(", ", survivors.Select(survivor => ThreeSiloAzureTableCluster.StatusOf(victim.SiloAddress, survivor))));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        return sinceLoss.Elapsed;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, for at most <see cref="FailoverBound"/>.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < FailoverBound, $"{what}: not within {FailoverBound}");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>The silos that voted <paramref name="victim"/> dead, as its membership table row records them.</summary>
    private async Task<SiloAddress[]> VotersAgainstAsync(InProcessSiloHandle victim)
    {
        var rows = await Silos.Client.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        var row = Assert.Single(rows, row => row.SiloAddress.Equals(victim.SiloAddress));
        Assert.Equal(SiloStatus.Dead, row.Status);
        return [.. (row.SuspectTimes ?? []).Select(vote => vote.Item1).Distinct()];
    }

    private void AssertHostedOn(InProcessSiloHandle[] survivors, User[] users) =>
        Assert.All(users, user => Assert.Contains(Silos.HostOf(user.List), survivors.Select(silo => silo.SiloAddress)));

    /// <summary>Lists <paramref name="user"/>'s grain until it answers, for at most <see cref="FailoverBound"/> from <paramref name="clock"/>'s start.</summary>
    private static async Task<(RecentIModel[] Listed, TimeSpan After)> ListWithRetriesAsync(User user, Stopwatch clock, ConcurrentBag<Exception> failures)
    {
        while (true)
        {
            try
            {
                var listed = await ListedAsync(user.List).WaitAsync(AttemptTimeout);
                return (listed, clock.Elapsed);
            }
            catch (Exception failure) when (clock.Elapsed < FailoverBound)
            {
                failures.Add(failure);
                await Task.Delay(RetryDelay);
            }
        }
    }

    /// <summary>
    /// Adds and lists, one call at a time, until stopped. A failed call is retried as the API's callers retry a
    /// 503: an add with the same entry (so an add that was applied after all changes nothing the second time).
    /// Every listing must be exactly the acknowledged adds.
    /// </summary>
    private static async Task CallUntilStoppedAsync(User user, CallLog calls, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var entry = NewEntry();
            await calls.UntilSucceededAsync("add", async () =>
            {
                await user.AddAsync(entry);
                return true;
            });
            var listed = await calls.UntilSucceededAsync("list", () => ListedAsync(user.List));
            if (!listed.SequenceEqual(user.Expected))
            {
                calls.WrongLists.Add($"{user.List.GetPrimaryKeyString()}: [{string.Join(", ", listed.Select(e => e.IModelId))}] is not [{string.Join(", ", user.Expected.Select(e => e.IModelId))}]");
            }
        }
    }

    private static Task ForEachAsync(IEnumerable<User> users, Func<User, Task> action) =>
        Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (user, _) => await action(user));

    private static async Task<RecentIModel[][]> ListAllAsync(User[] users)
    {
        var listed = new RecentIModel[users.Length][];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, users.Length),
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (index, _) => listed[index] = await ListedAsync(users[index].List));
        return listed;
    }

    /// <summary>One user's list and the adds it acknowledged, in order.</summary>
    private sealed class User(IRecentIModelsGrain list)
    {
        private readonly List<RecentIModel> acknowledged = [];

        public IRecentIModelsGrain List { get; } = list;

        /// <summary>What the list must be: the acknowledged adds (all of distinct iModels), newest first, capped.</summary>
        public RecentIModel[] Expected
        {
            get
            {
                lock (acknowledged)
                {
                    return [.. Enumerable.Reverse(acknowledged).Take(RecentIModelsLimits.Capacity)];
                }
            }
        }

        public async Task AddAsync(RecentIModel entry)
        {
            await List.AddAsync(entry);
            lock (acknowledged)
            {
                acknowledged.Add(entry);
            }
        }
    }

    /// <summary>What happened to the calls made around a graceful stop.</summary>
    private sealed class CallLog
    {
        private readonly int[] succeeded = new int[3];
        private volatile int current;

        public enum Phase
        {
            BeforeStop,
            DuringStop,
            AfterStop,
        }

        public ConcurrentBag<Failure> Failures { get; } = [];

        public ConcurrentBag<string> WrongLists { get; } = [];

        public string Summary =>
            string.Join("/", succeeded) + " succeeded, " + Failures.Count + " failed attempts"
            + string.Concat(Failures
                .GroupBy(failure => $"{failure.Operation} begun {failure.Phase}: {failure.Exception.GetType().Name} after {failure.After.TotalSeconds:F1} s")
                .Select(group => $"; {group.Count()} {group.Key}"))
            + string.Concat(Failures
                .Select(failure => failure.Exception.Message.Split('\n')[0])
                .Select(message => message[..Math.Min(message.Length, 300)])
                .Distinct()
                .Select(message => $"\n  {message}"));

        public void Mark(Phase phase) => current = (int)phase;

        public int SucceededDuring(Phase phase) => Volatile.Read(ref succeeded[(int)phase]);

        /// <summary>Retries <paramref name="call"/> until it succeeds, for at most <see cref="FailoverBound"/>; logs every attempt.</summary>
        public async Task<T> UntilSucceededAsync<T>(string operation, Func<Task<T>> call)
        {
            var total = Stopwatch.StartNew();
            while (true)
            {
                var phase = (Phase)current;
                var attempt = Stopwatch.StartNew();
                try
                {
                    var result = await call();
                    Interlocked.Increment(ref succeeded[(int)phase]);
                    return result;
                }
                catch (Exception failure) when (total.Elapsed < FailoverBound)
                {
                    Failures.Add(new Failure(phase, operation, attempt.Elapsed, failure));
                    await Task.Delay(RetryDelay);
                }
            }
        }

        public sealed record Failure(Phase Phase, string Operation, TimeSpan After, Exception Exception);
    }
}

/// <summary>
/// The silo-loss tests run on their own: each starts three silos, and on a starved machine probes of a live silo
/// could time out and get it declared dead.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SiloLossCollection
{
    public const string Name = "Silo loss";
}
