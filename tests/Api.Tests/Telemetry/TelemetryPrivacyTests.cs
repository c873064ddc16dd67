using System.Net;
using Recents.Api.Admin;
using Recents.Api.Tests.Infrastructure;
using Recents.Grains.RecentIModels;

namespace Recents.Api.Tests.Telemetry;

/// <summary>
/// What the service records of a user's requests (spans, metric points, log records, log lines of both hosts) names
/// the user only by the hashed key (<see cref="UserKey"/>), and never holds a bearer token.
/// </summary>
public sealed class TelemetryPrivacyTests(TracedApiFixture traced) : IClassFixture<TracedApiFixture>
{
    [Fact]
    public async Task NoSpanMetricOrLog_CarriesTheTokenOrTheRawUserId()
    {
        var userId = $"sub-{Guid.NewGuid():N}";
        var token = traced.Service.Tokens.Create(new TokenSpec(userId));
        var user = new RecentsUser(traced.Api, userId, token);
        var directory = await traced.NewDirectory().WithViewer(userId).SaveAsync();
        var iModelId = await directory.AddIModelAsync();

        await user.AddAllAsync(iModelId);
        Assert.Equal([iModelId], await user.ListIdsAsync(directory.ITwinId));
        await new FavoritesCaller(traced.Api, user).AddAllAsync(iModelId);
        using (var notFound = await user.AddAsync(Guid.NewGuid()))
        {
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        }

        using (var export = await traced.Admin().GetUserDataAsync(userId))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        }

        var exportSpan = await traced.ServerSpanAsync(span => span.DisplayName == "GET /admin/users/{userId}/data");
        var records = TelemetryRecords.Of(traced.Telemetry, traced.Service.ApiLogs, traced.Service.SiloLogs);

        AssertCaptured(records);
        Assert.Equal(UserPathRedaction.RedactedDataPath, exportSpan.GetTagItem("url.path"));
        var userKey = UserKey.FromUserId(userId);
        var spans = records.Where(record => record.StartsWith("span ", StringComparison.Ordinal)).ToList();
        Assert.Contains(spans, record => record.Contains($"recentimodels/{userKey}", StringComparison.Ordinal));
        Assert.Contains(spans, record => record.Contains($"favoriteimodels/{userKey}", StringComparison.Ordinal));

        // The token whole, and its payload and signature (its header is the same for every token).
        string[] secrets = [userId, token, .. token.Split('.')[1..]];
        foreach (var secret in secrets)
        {
            var leaks = records.Where(record => record.Contains(secret, StringComparison.Ordinal)).ToList();
            Assert.True(leaks.Count == 0, $"Captured telemetry holds {secret}:\n{string.Join('\n', leaks)}");
        }
    }

    /// <summary>Each kind of record was captured, so that the absence of the secrets means something.</summary>
    private static void AssertCaptured(IReadOnlyList<string> records)
    {
        AssertHas(records, "span [Microsoft.AspNetCore] POST /imodels/recents/{id}");
        AssertHas(records, "span [Microsoft.AspNetCore] PUT /imodels/favorites/{id}");
        AssertHas(records, "span [Microsoft.Orleans.Storage] write storage");
        AssertHas(records, "metric [Microsoft.AspNetCore.Hosting] http.server.request.duration", "http.route=/admin/users/{userId}/data");
        AssertHas(records, "log [Microsoft.AspNetCore.HttpLogging", UserPathRedaction.RedactedDataPath);
        AssertHas(records, "line [Microsoft.AspNetCore.HttpLogging", UserPathRedaction.RedactedDataPath);
    }

    private static void AssertHas(IReadOnlyList<string> records, string start, string containing = "") =>
        Assert.Contains(records, record =>
            record.StartsWith(start, StringComparison.Ordinal) && record.Contains(containing, StringComparison.Ordinal));
}
