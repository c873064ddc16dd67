using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Recents.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Recents.Api.Tests.Hostile;

/// <summary>
/// User isolation: no sequence of requests made with user A's token reads or changes user B's recents or favorites. The users include
/// look-alike ids (<c>edge/x</c>, <c>edge\x</c>, <c>edge#x</c>, <c>edge?x</c>, <c>edge_x</c>, <c>edge%2Fx</c>, a Cyrillic
/// homoglyph, leading and trailing spaces) that a naive storage key would merge. Every user first builds distinct lists;
/// then every user, side by side, adds and removes the iModels in the others' lists, lists with every paging and order
/// (each page must be exactly their own), replays the others' favorites continuation tokens (each must be 422,
/// docs/api.md#list-favorites), and tries to pass as another user with tampered tokens (each must be 401).
/// At the end every list is exactly what its owner's own requests made it.
/// </summary>
[Collection(RecentsApiCollection.Name)]
public sealed class UserIsolationTests(RecentsApiFixture fixture, ITestOutputHelper output)
{
    private const int RequestsPerUser = 150;

    [Fact]
    public async Task RequestSequences_WithOneUsersToken_NeverReadOrChangeAnotherUsersList()
    {
        var seed = HostileSeed.Value + 1;
        output.WriteLine($"seed {seed} (the corpus seed + 1; set {HostileSeed.VariableName} to replay another)");
        var rng = new Random(seed);
        var model = new ListModel();
        var world = await HostileWorld.CreateAsync(fixture, rng, model);
        var tokens = new TokenMutations(fixture.Tokens);
        var generator = new IsolationSequences(world, tokens, rng);
        using var http = HostileHttp.Create(fixture);

        var setup = new CorpusRunner(http, world, model);
        await setup.RunAsync(generator.DistinctLists(model));
        Assert.True(setup.Failures.Count == 0, HostileCorpusTests.Report(seed, setup, [], []));
        AssertListsDiffer(world, model);

        var issued = await IssueTokensAsync(http, fixture.Tokens, world, model);
        Assert.NotEmpty(issued);
        var attacks = generator.Attacks(model, RequestsPerUser, issued);
        output.WriteLine($"{issued.Count} continuation tokens issued; requests by kind: " + string.Join(", ", attacks
            .GroupBy(request => $"{request.Method} {request.PathAndQuery.Split('?')[0].Split('/')[2]}{(request.PathAndQuery.Contains("$continuationToken", StringComparison.Ordinal) ? " (replayed token)" : "")}")
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => $"{group.Key} ×{group.Count()}")));
        var runner = new CorpusRunner(http, world, model);
        await runner.RunAsync(attacks);
        output.WriteLine(runner.Stats.Report());

        var lists = await WorldAudit.CompareListsAsync(http, fixture.Tokens, world, model, world.Personas.Select(persona => persona.UserId));
        Assert.True(runner.Failures.Count == 0 && lists.Count == 0, HostileCorpusTests.Report(seed, runner, lists, []));
    }

    /// <summary>
    /// For every user with two or more favorites listed in an iTwin, the <c>$continuationToken</c> of the <c>next</c> link
    /// of their first page of one (docs/api.md#list-favorites), for the others to replay.
    /// </summary>
    private static async Task<List<IssuedToken>> IssueTokensAsync(HttpClient http, TestTokens tokens, HostileWorld world, ListModel model)
    {
        var issued = new List<IssuedToken>();
        foreach (var persona in world.Personas)
        {
            foreach (var iTwinId in world.ITwins.Where(iTwinId => world.CanSeeITwin(persona.UserId, iTwinId) && model.VisibleFavorites(persona.UserId, iTwinId, world).Count >= 2))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/imodels/favorites?iTwinId={iTwinId}&$top=1");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(persona.UserId));
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{persona}'s first page of favorites: {(int)response.StatusCode} {body}");
                using var document = JsonDocument.Parse(body);
                var next = document.RootElement.GetProperty("_links").GetProperty("next").GetProperty("href").GetString()!;
                var value = new Uri(next).Query.TrimStart('?').Split('&')
                    .Select(part => part.Split('=', 2))
                    .Single(pair => Uri.UnescapeDataString(pair[0]).Equals("$continuationToken", StringComparison.OrdinalIgnoreCase))[1];
                issued.Add(new IssuedToken(persona.UserId, iTwinId, value));
            }
        }

        return issued;
    }

    /// <summary>The precondition that makes the test meaningful: users who could be confused start with different lists.</summary>
    private static void AssertListsDiffer(HostileWorld world, ListModel model)
    {
        var withLists = world.Personas.Where(persona => model.Raw(persona.UserId).Count > 0).ToList();
        foreach (var persona in withLists)
        {
            foreach (var other in withLists.Where(other => other != persona))
            {
                Assert.False(model.Raw(persona.UserId).SequenceEqual(model.Raw(other.UserId)), $"{persona} and {other} start with the same list.");
            }
        }
    }
}
