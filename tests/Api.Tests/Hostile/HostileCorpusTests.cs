using Recents.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Recents.Api.Tests.Hostile;

/// <summary>
/// The hostile corpus: over 10,000 generated requests to recents, favorites (docs/api.md#favorites), the directory and
/// user data (docs/api.md#user-data), mostly malformed (ids, user ids, queries, headers, tokens, admin bodies), some
/// valid. For every response: no 5xx, the error envelope on every non-2xx, a status docs/api.md allows for what was
/// sent (see <see cref="Expectations"/>), and after the run every user's recents and favorites, as listed and as stored,
/// are exactly what the valid requests made them (<see cref="ListModel"/>) and the directory is as stored.
/// </summary>
[Collection(RecentsApiCollection.Name)]
public sealed class HostileCorpusTests(RecentsApiFixture fixture, ITestOutputHelper output)
{
    private const int CorpusSize = 10_400;
    private const int MinimumSent = 10_000;

    /// <summary>The fixture's rate limits are far above this corpus; a few 429s are tolerated, more mean a misconfiguration or a bug.</summary>
    private const int MaxRateLimited = 5;

    [Fact]
    public async Task HostileCorpus_TenThousandRequests_GetNo5xxTheEnvelopeTheRightStatusAndChangeOnlyWhatTheyMay()
    {
        var seed = HostileSeed.Value;
        output.WriteLine($"seed {seed} (set {HostileSeed.VariableName} to replay or explore another)");
        var rng = new Random(seed);
        var model = new ListModel();
        var world = await HostileWorld.CreateAsync(fixture, rng, model);
        var corpus = new HostileRequestGenerator(world, new TokenMutations(fixture.Tokens), rng).Generate(CorpusSize);
        output.WriteLine($"generated {corpus.Count} requests; {corpus.Count(request => request.Lane.StartsWith("user:", StringComparison.Ordinal))} "
            + $"in the lanes of {world.Personas.Count} users, the rest in {HostileRequestGenerator.AnonymousLanes} anonymous lanes");

        output.WriteLine(Coverage(corpus));

        using var http = HostileHttp.Create(fixture);
        var runner = new CorpusRunner(http, world, model);
        await runner.RunAsync(corpus);
        output.WriteLine(runner.Stats.Report());

        var lists = await WorldAudit.CompareListsAsync(http, fixture.Tokens, world, model, world.Personas.Select(persona => persona.UserId));
        var directory = await WorldAudit.CompareDirectoryAsync(fixture.Admin(), world);
        output.WriteLine($"final audit: {lists.Count} list differences, {directory.Count} directory differences");

        Assert.True(runner.Failures.Count == 0 && lists.Count == 0 && directory.Count == 0, Report(seed, runner, lists, directory));
        Assert.True(runner.Stats.Sent >= MinimumSent, $"Only {runner.Stats.Sent} requests reached the server; the corpus must send at least {MinimumSent}.");
        Assert.True(runner.Stats.RateLimited <= MaxRateLimited, $"{runner.Stats.RateLimited} requests were rate limited (at most {MaxRateLimited} expected).");
    }

    /// <summary>How often each token form occurs, so a reader can see the corpus covers them all.</summary>
    private static string Coverage(List<HostileRequest> corpus)
    {
        var forms = corpus.GroupBy(request => request.Token.Name.Split('\'')[0].Trim()).OrderBy(group => group.Key, StringComparer.Ordinal).ToList();
        return $"{forms.Count} token forms: " + string.Join(", ", forms.Select(group => $"{group.Key} ×{group.Count()}"));
    }

    internal static string Report(int seed, CorpusRunner runner, List<string> lists, List<string> directory) =>
        $"seed {seed}: {runner.Stats.Failed} failed requests (first {runner.Failures.Count} below), "
        + $"{lists.Count} list differences, {directory.Count} directory differences.\n{runner.Stats.Report()}\n\n"
        + string.Join("\n\n", runner.Failures)
        + (lists.Count > 0 ? "\n\nLists:\n" + string.Join("\n", lists) : "")
        + (directory.Count > 0 ? "\n\nDirectory:\n" + string.Join("\n", directory) : "");
}
