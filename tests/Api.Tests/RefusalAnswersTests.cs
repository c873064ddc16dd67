using System.Net;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>
/// The 404 for an id that names nothing and the 404 for an id the caller may not view are one answer
/// (docs/api.md#who-may-view-an-imodel): same status, same headers by name, same content headers, same body bytes.
/// </summary>
[Collection(RecentsApiCollection.Name)]
public sealed class RefusalAnswersTests(RecentsApiFixture fixture)
{
    public enum Operation
    {
        AddRecent,
        RemoveRecent,
        ListRecents,
        AddFavorite,
        RemoveFavorite,
        ListFavorites,
    }

    [Theory]
    [InlineData(Operation.AddRecent)]
    [InlineData(Operation.RemoveRecent)]
    [InlineData(Operation.ListRecents)]
    [InlineData(Operation.AddFavorite)]
    [InlineData(Operation.RemoveFavorite)]
    [InlineData(Operation.ListFavorites)]
    public async Task Refusal_OfAnUnknownId_IsTheAnswerToAnIdTheCallerMayNotView(Operation operation)
    {
        var outsider = fixture.NewUser("outsider");
        var directory = await fixture.NewDirectory().WithViewer(fixture.NewUser().Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();
        var notViewable = operation is Operation.ListRecents or Operation.ListFavorites ? directory.ITwinId : iModelId;

        using var unknownAnswer = await SendAsync(operation, outsider, Guid.NewGuid());
        using var notViewableAnswer = await SendAsync(operation, outsider, notViewable);

        Assert.Equal(HttpStatusCode.NotFound, unknownAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notViewableAnswer.StatusCode);
        Assert.Equal(HeaderNames(unknownAnswer), HeaderNames(notViewableAnswer));
        Assert.Equal(unknownAnswer.Content.Headers.ToString(), notViewableAnswer.Content.Headers.ToString());
        Assert.Equal(await unknownAnswer.Content.ReadAsByteArrayAsync(), await notViewableAnswer.Content.ReadAsByteArrayAsync());
    }

    private Task<HttpResponseMessage> SendAsync(Operation operation, RecentsUser caller, Guid id) => operation switch
    {
        Operation.AddRecent => caller.AddAsync(id),
        Operation.RemoveRecent => caller.RemoveAsync(id),
        Operation.ListRecents => caller.ListAsync(id),
        Operation.AddFavorite => fixture.Favorites(caller).AddAsync(id),
        Operation.RemoveFavorite => fixture.Favorites(caller).RemoveAsync(id),
        Operation.ListFavorites => fixture.Favorites(caller).ListAsync(id),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static string[] HeaderNames(HttpResponseMessage response) => [.. response.Headers.Select(header => header.Key).Order()];
}
