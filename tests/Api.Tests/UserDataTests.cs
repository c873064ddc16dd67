using System.Net;
using System.Text.Json;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>
/// A user's data as a whole (docs/api.md#user-data): <c>GET</c> returns the user's recents and favorites as stored,
/// <c>DELETE</c> erases them durably (204, idempotent); both for <c>recents-admin</c> tokens only, and no log line
/// carries the user id.
/// </summary>
[Collection(RecentsApiCollection.Name)]
public sealed class UserDataTests(RecentsApiFixture fixture)
{
    private readonly AdminApi admin = fixture.Admin();

    [Fact]
    public async Task Get_WithAnITwinPlatformToken_Is401()
    {
        var user = fixture.NewUser();

        using var response = await fixture.Api().SendAsync(HttpMethod.Get, AdminApi.UserDataPath(user.Id), user.Token);

        await ApiAssert.UnauthorizedAsync(response, credentialsSent: true);
    }

    [Fact]
    public async Task Delete_WithAnITwinPlatformToken_Is401AndErasesNothing()
    {
        var (user, directory, recents, favorites) = await UserWithDataAsync();

        using var response = await fixture.Api().SendAsync(HttpMethod.Delete, AdminApi.UserDataPath(user.Id), user.Token);

        await ApiAssert.UnauthorizedAsync(response, credentialsSent: true);
        Assert.Equal(recents, await RecentIdsAsync(user, directory.ITwinId));
        Assert.Equal(favorites, await FavoriteIdsAsync(user, directory.ITwinId));
    }

    [Fact]
    public async Task Get_WithoutAToken_Is401()
    {
        using var response = await fixture.Api().SendAsync(HttpMethod.Get, AdminApi.UserDataPath("someone"));

        await ApiAssert.UnauthorizedAsync(response, credentialsSent: false);
    }

    [Fact]
    public async Task Get_UserWithRecentsAndFavorites_ReturnsBothListsWithIdsAndOrder()
    {
        var (user, directory, recents, favorites) = await UserWithDataAsync();

        var body = await GetBodyAsync(user.Id);

        Assert.Equal(["favorites", "recents"], body.PropertyNames());
        var listedRecents = body.GetProperty("recents").EnumerateArray().ToList();
        Assert.Equal(recents, listedRecents.Select(item => item.GetProperty("iModelId").GetGuid()));
        Assert.All(listedRecents, item =>
        {
            Assert.Equal(["iModelId", "iTwinId"], item.PropertyNames());
            Assert.Equal(directory.ITwinId, item.GetProperty("iTwinId").GetGuid());
        });
        var listedFavorites = body.GetProperty("favorites").EnumerateArray().ToList();
        Assert.Equal(favorites, listedFavorites.Select(item => item.GetProperty("iModelId").GetGuid()));
        Assert.All(listedFavorites, item =>
        {
            Assert.Equal(["iModelId", "iTwinId", "position"], item.PropertyNames());
            Assert.Equal(directory.ITwinId, item.GetProperty("iTwinId").GetGuid());
        });
        var positions = listedFavorites.Select(item => item.GetProperty("position").GetInt64()).ToList();
        Assert.Equal(positions.OrderDescending(), positions);
    }

    [Fact]
    public async Task Get_UserWhoMayNoLongerViewTheirIModels_StillReturnsWhatIsStored()
    {
        var (user, directory, recents, favorites) = await UserWithDataAsync();
        await directory.WithoutMember(user.Id).SaveAsync();

        var body = await GetBodyAsync(user.Id);

        Assert.Equal(recents, body.GetProperty("recents").EnumerateArray().Select(item => item.GetProperty("iModelId").GetGuid()));
        Assert.Equal(favorites, body.GetProperty("favorites").EnumerateArray().Select(item => item.GetProperty("iModelId").GetGuid()));
    }

    [Fact]
    public async Task Get_UserOfWhomNothingIsKept_Is200WithEmptyLists()
    {
        var body = await GetBodyAsync($"never-seen-{Guid.NewGuid():N}");

        AssertEmpty(body);
    }

    [Fact]
    public async Task Delete_UserWithData_Is204AndThenGetIsEmpty()
    {
        var (user, _, _, _) = await UserWithDataAsync();

        using (var erased = await admin.EraseUserDataAsync(user.Id))
        {
            await ApiAssert.NoContentAsync(erased);
        }

        AssertEmpty(await GetBodyAsync(user.Id));
    }

    [Fact]
    public async Task Delete_Twice_IsBoth204()
    {
        var (user, _, _, _) = await UserWithDataAsync();

        using (var first = await admin.EraseUserDataAsync(user.Id))
        {
            await ApiAssert.NoContentAsync(first);
        }

        using var second = await admin.EraseUserDataAsync(user.Id);
        await ApiAssert.NoContentAsync(second);
        AssertEmpty(await GetBodyAsync(user.Id));
    }

    [Fact]
    public async Task Delete_OfOneUser_EmptiesTheirListsAndLeavesAnotherUsersIntact()
    {
        var (erased, directory, _, _) = await UserWithDataAsync();
        var other = fixture.NewUser("other");
        await directory.WithViewer(other.Id).SaveAsync();
        var otherIModels = await directory.AddIModelsAsync(2);
        await other.AddAllAsync(otherIModels);
        await FavorAllAsync(other, otherIModels);

        using (var response = await admin.EraseUserDataAsync(erased.Id))
        {
            await ApiAssert.NoContentAsync(response);
        }

        Assert.Empty(await RecentIdsAsync(erased, directory.ITwinId));
        Assert.Empty(await FavoriteIdsAsync(erased, directory.ITwinId));
        Assert.Equal(otherIModels.Reverse(), await RecentIdsAsync(other, directory.ITwinId));
        Assert.Equal(otherIModels.Reverse(), await FavoriteIdsAsync(other, directory.ITwinId));
    }

    [Fact]
    public async Task Delete_ThenTheUserAddsAgain_StartsNewLists()
    {
        var (user, directory, _, _) = await UserWithDataAsync();
        using (var response = await admin.EraseUserDataAsync(user.Id))
        {
            await ApiAssert.NoContentAsync(response);
        }

        var iModelId = await directory.AddIModelAsync();
        await user.AddAllAsync(iModelId);

        Assert.Equal([iModelId], await RecentIdsAsync(user, directory.ITwinId));
    }

    [Fact]
    public async Task GetAndDelete_UserIdWithSlashPercentAndNonAsciiCharacters_NameThatUserExactly()
    {
        var prefix = Guid.NewGuid().ToString("N");
        var slash = fixture.UserWithId($"{prefix}/ü %2F x");
        var encodedLookalike = fixture.UserWithId($"{prefix}%2Fü %2F x");
        var directory = await fixture.NewDirectory().WithViewer(slash.Id).WithViewer(encodedLookalike.Id).SaveAsync();
        var (slashIModel, lookalikeIModel) = (await directory.AddIModelAsync(), await directory.AddIModelAsync());
        await slash.AddAllAsync(slashIModel);
        await encodedLookalike.AddAllAsync(lookalikeIModel);

        var body = await GetBodyAsync(slash.Id);
        using (var response = await admin.EraseUserDataAsync(slash.Id))
        {
            await ApiAssert.NoContentAsync(response);
        }

        Assert.Equal([slashIModel], body.GetProperty("recents").EnumerateArray().Select(item => item.GetProperty("iModelId").GetGuid()));
        Assert.Empty(await RecentIdsAsync(slash, directory.ITwinId));
        Assert.Equal([lookalikeIModel], await RecentIdsAsync(encodedLookalike, directory.ITwinId));
    }

    [Theory]
    [InlineData("%7F")]
    [InlineData("a%0Ab")]
    [InlineData("%E2%80%8B")]
    public async Task GetAndDelete_SegmentThatIsNotAUserId_Is404InTheEnvelope(string segment)
    {
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Delete })
        {
            using var response = await fixture.Api().SendAsync(method, $"/admin/users/{segment}/data", fixture.Tokens.ForAdmin());

            await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "UserNotFound");
        }
    }

    [Fact]
    public async Task GetAndDelete_UserIdLongerThan128Characters_Is404InTheEnvelope()
    {
        var tooLong = new string('u', 129);

        using var get = await admin.GetUserDataAsync(tooLong);
        await ApiAssert.ErrorAsync(get, HttpStatusCode.NotFound, "UserNotFound");
        using var delete = await admin.EraseUserDataAsync(tooLong);
        await ApiAssert.ErrorAsync(delete, HttpStatusCode.NotFound, "UserNotFound");
    }

    [Fact]
    public async Task RequestLogLines_OfGetAndDelete_DoNotCarryTheUserId()
    {
        var marker = $"private-{Guid.NewGuid():N}";
        var correlationIds = new List<string>();
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Delete })
        {
            var correlationId = $"corr-{Guid.NewGuid():N}";
            correlationIds.Add(correlationId);
            using var response = await fixture.Api().SendAsync(method, AdminApi.UserDataPath(marker), fixture.Tokens.ForAdmin(),
                ApiClient.Header("X-Correlation-Id", correlationId));
            Assert.True(response.IsSuccessStatusCode, $"{method} answered {response.StatusCode}");
        }

        foreach (var correlationId in correlationIds)
        {
            var line = await WaitForRequestLineAsync(correlationId);
            Assert.Contains("/admin/users/{userId}/data", line.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(fixture.ApiLogs.Lines, line => line.Message.Contains(marker, StringComparison.Ordinal)
            || line.Scope.Values.Any(value => $"{value}".Contains(marker, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RequestLogLine_OfAnUnmappedPathUnderUsers_DoesNotCarryTheSegment()
    {
        var marker = $"private-{Guid.NewGuid():N}";
        var correlationId = $"corr-{Guid.NewGuid():N}";

        using var response = await fixture.Api().SendAsync(HttpMethod.Get, $"/admin/users/{marker}/other", fixture.Tokens.ForAdmin(),
            ApiClient.Header("X-Correlation-Id", correlationId));

        var line = await WaitForRequestLineAsync(correlationId);
        Assert.DoesNotContain(marker, line.Message, StringComparison.Ordinal);
        Assert.Contains("/admin/users/{userId}", line.Message, StringComparison.Ordinal);
    }

    private async Task<(RecentsUser User, DirectoryBuilder Directory, IReadOnlyList<Guid> Recents, IReadOnlyList<Guid> Favorites)> UserWithDataAsync()
    {
        var user = fixture.NewUser();
        var directory = await fixture.NewDirectory().WithViewer(user.Id).SaveAsync();
        var iModels = await directory.AddIModelsAsync(3);
        await user.AddAllAsync(iModels);
        await FavorAllAsync(user, iModels.Take(2));
        return (user, directory, [.. iModels.Reverse()], [.. iModels.Take(2).Reverse()]);
    }

    private async Task FavorAllAsync(RecentsUser user, IEnumerable<Guid> iModelIds)
    {
        foreach (var iModelId in iModelIds)
        {
            using var response = await fixture.Api().SendAsync(HttpMethod.Put, $"/imodels/favorites/{iModelId}", user.Token);
            await ApiAssert.NoContentAsync(response);
        }
    }

    private static Task<IReadOnlyList<Guid>> RecentIdsAsync(RecentsUser user, Guid iTwinId) => user.ListIdsAsync(iTwinId);

    private async Task<IReadOnlyList<Guid>> FavoriteIdsAsync(RecentsUser user, Guid iTwinId)
    {
        using var response = await fixture.Api().SendAsync(HttpMethod.Get, $"/imodels/favorites?iTwinId={iTwinId}", user.Token);
        return RecentsUser.IdsOf(await ApiAssert.JsonAsync(response));
    }

    private async Task<JsonElement> GetBodyAsync(string userId)
    {
        using var response = await admin.GetUserDataAsync(userId);
        return await ApiAssert.JsonAsync(response);
    }

    private static void AssertEmpty(JsonElement body)
    {
        Assert.Equal(0, body.GetProperty("recents").GetArrayLength());
        Assert.Equal(0, body.GetProperty("favorites").GetArrayLength());
    }

    /// <summary>The HTTP logging line of a request is written as the response completes, so it may trail the response a little.</summary>
    private async Task<CapturedLogLine> WaitForRequestLineAsync(string correlationId)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var line = fixture.ApiLogs.Lines.FirstOrDefault(candidate =>
                candidate.Category.StartsWith("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal)
                && candidate.Scope.TryGetValue("CorrelationId", out var value) && Equals(value, correlationId));
            if (line is not null)
            {
                return line;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No request log line in the scope of correlation id {correlationId}.");
    }
}
