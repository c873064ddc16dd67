using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Recents.Bench.Alternative.Tests.Infrastructure;

namespace Recents.Bench.Alternative.Tests;

/// <summary>When a change loses every race it may try, the answer is a 503 with Retry-After, and the change is not applied.</summary>
public sealed class ContentionLimitTests(UncachedAlternativeFixture fixture) : IClassFixture<UncachedAlternativeFixture>
{
    [Fact]
    public async Task WithOneAttempt_ConcurrentAdds_Are204Or503_AndExactlyThe204sAreListed()
    {
        await using var factory = AlternativeFactory.Start(new Dictionary<string, string>(fixture.Tokens.Settings)
        {
            ["Storage:ConnectionString"] = TestStorage.ConnectionString,
            ["Recents:MaxWriteAttempts"] = "1",
        });
        using var http = factory.CreateClient();
        var user = fixture.Directory.NewUser();
        var iModels = fixture.Directory.OpenInA.Take(20).ToList();

        var answers = await Task.WhenAll(iModels.Select(async iModelId =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/imodels/recents/{iModelId}")
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", fixture.Tokens.For(user)) },
            };
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return (IModelId: iModelId, response.StatusCode, RetryAfter: response.Headers.RetryAfter, Body: body);
        }));

        Assert.All(answers, answer => Assert.Contains(answer.StatusCode, new[] { HttpStatusCode.NoContent, HttpStatusCode.ServiceUnavailable }));
        var refused = answers.Where(answer => answer.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, answer =>
        {
            Assert.NotNull(answer.RetryAfter);
            using var body = JsonDocument.Parse(answer.Body);
            Assert.Equal("ServiceUnavailable", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        });

        var acknowledged = answers.Where(answer => answer.StatusCode == HttpStatusCode.NoContent).Select(answer => answer.IModelId);
        var (_, listed) = await fixture.Client.ListAsync(user, fixture.Directory.ITwinA);
        Assert.Equal(acknowledged.Order(), listed!.Order());
    }
}
