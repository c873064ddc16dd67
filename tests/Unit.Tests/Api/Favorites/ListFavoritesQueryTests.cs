using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Recents.Api.Errors;
using Recents.Api.Favorites;

namespace Recents.Unit.Tests.Api.Favorites;

/// <summary>The query of List favorites (docs/api.md#favorites), parsed without a request.</summary>
public sealed class ListFavoritesQueryTests
{
    private const string ITwinId = "5a1ce3f0-0000-4000-8000-000000000001";

    [Fact]
    public void Parse_WithOnlyITwinId_PagesByTokenFromTheStart()
    {
        var query = Parse($"?iTwinId={ITwinId}", out var errors);

        Assert.Empty(errors);
        Assert.Equal(new ListFavoritesQuery(Guid.Parse(ITwinId), 100, null, null, null), query);
        Assert.False(query!.PagesBySkip);
    }

    [Fact]
    public void Parse_WithAnEmptyToken_PagesByTokenFromTheStart()
    {
        var query = Parse($"?iTwinId={ITwinId}&$continuationToken=", out var errors);

        Assert.Empty(errors);
        Assert.Null(query!.ContinuationToken);
    }

    [Theory]
    [InlineData("$skip=0", false)]
    [InlineData("$orderBy=name", true)]
    public void Parse_WithSkipOrOrderBy_PagesBySkip(string parameter, bool ordered)
    {
        var query = Parse($"?iTwinId={ITwinId}&{parameter}", out var errors);

        Assert.Empty(errors);
        Assert.True(query!.PagesBySkip);
        Assert.Equal(ordered, query.OrderBy is not null);
    }

    [Fact]
    public void Parse_WithATokenAndSkipAndOrderBy_NamesBothOthers()
    {
        Parse($"?iTwinId={ITwinId}&$continuationToken=abc&$skip=2&$orderBy=name", out var errors);

        Assert.Equal(["$skip", "$orderBy"], errors.Select(error => error.Target));
    }

    [Fact]
    public void Parse_WithATokenGivenTwiceAndSkip_NamesBoth()
    {
        Parse($"?iTwinId={ITwinId}&$continuationToken=a&$continuationToken=b&$skip=2", out var errors);

        Assert.Equal(["$continuationToken", "$skip"], errors.Select(error => error.Target));
        Assert.All(errors, error => Assert.Equal("InvalidValue", error.Code));
    }

    private static ListFavoritesQuery? Parse(string queryString, out IReadOnlyList<ApiErrorDetail> errors) =>
        ListFavoritesQuery.Parse(new QueryCollection(QueryHelpers.ParseQuery(queryString)), out errors);
}
