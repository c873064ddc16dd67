using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Recents.Api.Errors;
using Recents.Api.IModelLists;
using Recents.Api.RecentIModels;

namespace Recents.Unit.Tests.Api.RecentIModels;

/// <summary>The query of List recents (docs/api.md#list-recents), parsed without a request.</summary>
public sealed class ListRecentsQueryTests
{
    private const string ITwinId = "5a1ce3f0-0000-4000-8000-000000000001";

    [Fact]
    public void Parse_WithOnlyITwinId_UsesTheDefaults()
    {
        var query = ParseValid($"?iTwinId={ITwinId}");

        Assert.Equal(new ListRecentsQuery(Guid.Parse(ITwinId), Top: 100, Skip: 0, OrderBy: null), query);
    }

    [Fact]
    public void Parse_WithEveryParameter_ReadsEachOne()
    {
        var query = ParseValid($"?iTwinId={ITwinId}&$top=7&$skip=3&$orderBy=createdDateTime%20desc");

        Assert.Equal(7, query.Top);
        Assert.Equal(3, query.Skip);
        Assert.Equal(new IModelOrdering(IModelOrdering.Property.CreatedDateTime, Descending: true), query.OrderBy);
    }

    [Fact]
    public void Parse_ParameterNamesInAnotherCase_AreTheSameParameters()
    {
        var query = ParseValid($"?ITWINID={ITwinId}&$TOP=5&$Skip=2&$ORDERBY=name");

        Assert.Equal(new ListRecentsQuery(Guid.Parse(ITwinId), Top: 5, Skip: 2, new IModelOrdering(IModelOrdering.Property.Name, false)), query);
    }

    [Fact]
    public void Parse_UnknownParameters_AreIgnored()
    {
        var query = ParseValid($"?iTwinId={ITwinId}&$filter=name&top=0&favorite=true");

        Assert.Equal(100, query.Top);
    }

    [Fact]
    public void Parse_ITwinIdInUpperCase_IsAccepted()
    {
        var query = ParseValid($"?iTwinId={ITwinId.ToUpperInvariant()}");

        Assert.Equal(Guid.Parse(ITwinId), query.ITwinId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?iTwinId=")]
    [InlineData("?$top=5")]
    [InlineData("?itwin=5a1ce3f0-0000-4000-8000-000000000001")]
    public void Parse_WithoutITwinId_ReportsMissingRequiredParameter(string queryString)
    {
        var error = Assert.Single(ParseInvalid(queryString));

        Assert.Equal(new ApiErrorDetail("MissingRequiredParameter", "Required parameter iTwinId is missing.", "iTwinId"), error);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("5a1ce3f0000040008000000000000001")]
    [InlineData("{5a1ce3f0-0000-4000-8000-000000000001}")]
    [InlineData("(5a1ce3f0-0000-4000-8000-000000000001)")]
    [InlineData("5a1ce3f0-0000-4000-8000-00000000000")]
    [InlineData("5a1ce3f0-0000-4000-8000-00000000000g")]
    public void Parse_ITwinIdNotInTheHyphenatedHexForm_ReportsInvalidValue(string iTwinId)
    {
        var error = Assert.Single(ParseInvalid($"?iTwinId={Uri.EscapeDataString(iTwinId)}"));

        Assert.Equal(new ApiErrorDetail("InvalidValue", "iTwinId must be a single GUID.", "iTwinId"), error);
    }

    [Theory]
    [InlineData($"?iTwinId={ITwinId}&iTwinId={ITwinId}")]
    [InlineData($"?iTwinId={ITwinId}&ITWINID={ITwinId}")]
    public void Parse_ITwinIdGivenTwice_ReportsInvalidValueEvenWhenBothAgree(string queryString)
    {
        var error = Assert.Single(ParseInvalid(queryString));

        Assert.Equal(("InvalidValue", "iTwinId"), (error.Code, error.Target));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("1000", 1000)]
    [InlineData("0042", 42)]
    public void Parse_TopFrom1To1000_IsAccepted(string top, int expected)
    {
        Assert.Equal(expected, ParseValid($"?iTwinId={ITwinId}&$top={top}").Top);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData("%205")]
    [InlineData("5%20")]
    [InlineData("5.0")]
    [InlineData("1e2")]
    [InlineData("0x10")]
    [InlineData("")]
    [InlineData("ten")]
    [InlineData("99999999999")]
    [InlineData("5%00")]
    [InlineData("%D9%A5")]
    public void Parse_TopOutOfRangeOrNotPlainDigits_ReportsInvalidValueOnTop(string top)
    {
        var error = Assert.Single(ParseInvalid($"?iTwinId={ITwinId}&$top={top}"));

        Assert.Equal(new ApiErrorDetail("InvalidValue", "$top must be an integer from 1 to 1000.", "$top"), error);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("25", 25)]
    [InlineData("2147483647", int.MaxValue)]
    public void Parse_SkipOfAtLeastZero_IsAccepted(string skip, int expected)
    {
        Assert.Equal(expected, ParseValid($"?iTwinId={ITwinId}&$skip={skip}").Skip);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("2147483648")]
    [InlineData("")]
    [InlineData("1.5")]
    public void Parse_SkipNegativeOverflowingOrNotPlainDigits_ReportsInvalidValueOnSkip(string skip)
    {
        var error = Assert.Single(ParseInvalid($"?iTwinId={ITwinId}&$skip={skip}"));

        Assert.Equal(new ApiErrorDetail("InvalidValue", "$skip must be an integer of at least 0.", "$skip"), error);
    }

    [Theory]
    [InlineData("$top=5&$top=5", "$top")]
    [InlineData("$top=5&$TOP=6", "$top")]
    [InlineData("$skip=0&$skip=1", "$skip")]
    [InlineData("$orderBy=name&$orderBy=name", "$orderBy")]
    public void Parse_PagingOrOrderingParameterRepeated_ReportsInvalidValue(string repeated, string target)
    {
        var error = Assert.Single(ParseInvalid($"?iTwinId={ITwinId}&{repeated}"));

        Assert.Equal(("InvalidValue", target), (error.Code, error.Target));
    }

    [Theory]
    [InlineData("size")]
    [InlineData("")]
    [InlineData("name%20descending")]
    [InlineData("name%20desc%20name")]
    [InlineData("displayName")]
    public void Parse_UnknownOrdering_ReportsInvalidValueOnOrderBy(string orderBy)
    {
        var error = Assert.Single(ParseInvalid($"?iTwinId={ITwinId}&$orderBy={orderBy}"));

        Assert.Equal(("InvalidValue", "$orderBy"), (error.Code, error.Target));
    }

    [Fact]
    public void Parse_OrderingWithAPlusForTheSpace_IsDecodedLikeASpace()
    {
        var query = ParseValid($"?iTwinId={ITwinId}&$orderBy=name+desc");

        Assert.Equal(new IModelOrdering(IModelOrdering.Property.Name, Descending: true), query.OrderBy);
    }

    [Fact]
    public void Parse_EveryParameterWrong_ReportsEachOnceInParameterOrder()
    {
        var errors = ParseInvalid("?iTwinId=x&$top=0&$skip=-1&$orderBy=size");

        Assert.Equal(["iTwinId", "$top", "$skip", "$orderBy"], errors.Select(error => error.Target));
        Assert.All(errors, error => Assert.Equal("InvalidValue", error.Code));
    }

    [Fact]
    public void Parse_MissingITwinIdAndBadTop_ReportsBoth()
    {
        var errors = ParseInvalid("?$top=1001");

        Assert.Equal([("MissingRequiredParameter", "iTwinId"), ("InvalidValue", "$top")], errors.Select(error => (error.Code, error.Target)));
    }

    private static ListRecentsQuery ParseValid(string queryString)
    {
        var query = ListRecentsQuery.Parse(QueryOf(queryString), out var errors);

        Assert.Empty(errors);
        return Assert.IsType<ListRecentsQuery>(query);
    }

    private static IReadOnlyList<ApiErrorDetail> ParseInvalid(string queryString)
    {
        var query = ListRecentsQuery.Parse(QueryOf(queryString), out var errors);

        Assert.Null(query);
        return errors;
    }

    /// <summary>The query collection as ASP.NET Core builds it from the request target (names without regard to case).</summary>
    private static QueryCollection QueryOf(string queryString) => new(QueryHelpers.ParseQuery(queryString));
}
