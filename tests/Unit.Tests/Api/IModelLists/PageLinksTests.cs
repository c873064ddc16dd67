using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Recents.Api.IModelLists;
using Recents.Api.Proxy;

namespace Recents.Unit.Tests.Api.IModelLists;

/// <summary>The <c>_links</c> of a List recents page (docs/api.md#list-recents), for a request that never went over HTTP.</summary>
public sealed class PageLinksTests
{
    private const string ITwinId = "5a1ce3f0-0000-4000-8000-000000000001";
    private const string Page = "https://api.example/imodels/recents";

    /// <summary>No public base URL: links take the request's scheme, host and path base.</summary>
    private static readonly PublicOrigin RequestOrigin = new(Options.Create(new LinksOptions()));

    [Fact]
    public void For_Self_IsTheRequestsAbsoluteUrl()
    {
        var links = PageLinks.For(RequestOrigin, Request($"?iTwinId={ITwinId}&$top=1"), skip: 0, top: 1, total: 3);

        Assert.Equal($"{Page}?iTwinId={ITwinId}&$top=1", links.Self.Href);
    }

    [Fact]
    public void For_FirstPageOfSeveral_HasNoPrevAndANextAtTheFollowingSkip()
    {
        var links = PageLinks.For(RequestOrigin, Request($"?iTwinId={ITwinId}&$top=1"), skip: 0, top: 1, total: 3);

        Assert.Null(links.Prev);
        AssertPage(links.Next, skip: 1, top: 1);
    }

    [Fact]
    public void For_MiddlePage_LinksBothNeighbours()
    {
        var links = PageLinks.For(RequestOrigin, Request($"?iTwinId={ITwinId}&$top=2&$skip=2"), skip: 2, top: 2, total: 5);

        AssertPage(links.Prev, skip: 0, top: 2);
        AssertPage(links.Next, skip: 4, top: 2);
    }

    [Theory]
    [InlineData(2, 1, 3)]
    [InlineData(0, 3, 3)]
    [InlineData(0, 100, 0)]
    [InlineData(10, 5, 3)]
    public void For_PageReachingTheEnd_HasNoNext(int skip, int top, int total)
    {
        Assert.Null(PageLinks.For(RequestOrigin, Request($"?iTwinId={ITwinId}"), skip, top, total).Next);
    }

    [Fact]
    public void For_SkipSmallerThanTop_LinksPrevToTheFirstItem()
    {
        var links = PageLinks.For(RequestOrigin, Request($"?iTwinId={ITwinId}&$top=5&$skip=1"), skip: 1, top: 5, total: 3);

        AssertPage(links.Prev, skip: 0, top: 5);
    }

    [Fact]
    public void For_SkipBeyondTheEnd_LinksPrevOnePageBack()
    {
        var links = PageLinks.For(RequestOrigin, Request($"?iTwinId={ITwinId}&$top=5&$skip=10"), skip: 10, top: 5, total: 3);

        AssertPage(links.Prev, skip: 5, top: 5);
        Assert.Null(links.Next);
    }

    [Fact]
    public void For_WithoutPagingParameters_SetsTheDefaultsInNext()
    {
        var links = PageLinks.For(RequestOrigin, Request($"?iTwinId={ITwinId}"), skip: 0, top: 100, total: 150);

        AssertPage(links.Next, skip: 100, top: 100);
    }

    [Fact]
    public void For_PagingParametersInAnotherCase_AreReplacedNotRepeated()
    {
        var links = PageLinks.For(RequestOrigin, Request($"?iTwinId={ITwinId}&$TOP=2&$Skip=0"), skip: 0, top: 2, total: 5);

        var next = AssertPage(links.Next, skip: 2, top: 2);
        Assert.DoesNotContain("TOP", next, StringComparison.Ordinal);
        Assert.DoesNotContain("Skip", next, StringComparison.Ordinal);
    }

    [Fact]
    public void For_OtherParameters_AreRepeatedWithEveryValue()
    {
        var links = PageLinks.For(
            RequestOrigin,
            Request($"?iTwinId={ITwinId}&$orderBy=name%20desc&tag=a&tag=b&$top=1"), skip: 0, top: 1, total: 2);

        var query = QueryHelpers.ParseQuery(new Uri(AssertPage(links.Next, skip: 1, top: 1)).Query);
        Assert.Equal(ITwinId, query["iTwinId"]);
        Assert.Equal("name desc", query["$orderBy"]);
        Assert.Equal(["a", "b"], query["tag"].Select(value => value ?? ""));
    }

    [Fact]
    public void For_RequestUnderAPathBaseOnAPort_KeepsSchemeHostPortAndPathBase()
    {
        var request = Request($"?iTwinId={ITwinId}&$top=1", scheme: "http", host: "localhost:5080");
        request.PathBase = "/recents";

        var links = PageLinks.For(RequestOrigin, request, skip: 1, top: 1, total: 3);

        Assert.StartsWith("http://localhost:5080/recents/imodels/recents?", links.Prev!.Href, StringComparison.Ordinal);
        Assert.StartsWith("http://localhost:5080/recents/imodels/recents?", links.Next!.Href, StringComparison.Ordinal);
    }

    [Fact]
    public void For_WithAPublicBaseUrl_EveryLinkIsUnderItWhateverTheRequestsHost()
    {
        var origin = new PublicOrigin(Options.Create(new LinksOptions { PublicBaseUrl = "https://recents.example.com/api/" }));
        var request = Request($"?iTwinId={ITwinId}&$top=1", scheme: "http", host: "attacker.example:8080");
        request.PathBase = "/internal";

        var links = PageLinks.For(origin, request, skip: 1, top: 1, total: 3);

        foreach (var link in new[] { links.Self, links.Prev!, links.Next! })
        {
            Assert.StartsWith("https://recents.example.com/api/imodels/recents?", link.Href, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ForContinuation_WithAPublicBaseUrl_BothLinksAreUnderIt()
    {
        var origin = new PublicOrigin(Options.Create(new LinksOptions { PublicBaseUrl = "https://recents.example.com" }));
        var request = Request($"?iTwinId={ITwinId}", host: "attacker.example");

        var links = PageLinks.ForContinuation(origin, request, "token");

        Assert.Equal($"https://recents.example.com/imodels/recents?iTwinId={ITwinId}", links.Self.Href);
        Assert.Equal($"https://recents.example.com/imodels/recents?iTwinId={ITwinId}&$continuationToken=token", links.Next!.Href);
    }

    [Fact]
    public void For_SkipAndTopAddingUpPastIntMaxValue_HasNoNext()
    {
        var links = PageLinks.For(RequestOrigin, Request($"?iTwinId={ITwinId}"), skip: int.MaxValue - 1, top: 1000, total: int.MaxValue);

        Assert.Null(links.Next);
        AssertPage(links.Prev, skip: int.MaxValue - 1001, top: 1000);
    }

    private static HttpRequest Request(string queryString, string scheme = "https", string host = "api.example")
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = scheme;
        request.Host = new HostString(host);
        request.Path = "/imodels/recents";
        request.QueryString = new QueryString(queryString);
        return request;
    }

    /// <summary>Asserts that <paramref name="link"/> is this page's URL with exactly one <c>$skip</c> and one <c>$top</c>.</summary>
    private static string AssertPage(Link? link, int skip, int top)
    {
        Assert.NotNull(link);
        var uri = new Uri(link.Href);
        Assert.Equal(Page, uri.GetLeftPart(UriPartial.Path));
        var parameters = QueryHelpers.ParseQuery(uri.Query);
        Assert.Equal(skip.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(parameters["$skip"].ToArray()));
        Assert.Equal(top.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(parameters["$top"].ToArray()));
        return link.Href;
    }
}
