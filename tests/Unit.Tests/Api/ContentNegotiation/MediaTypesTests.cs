using Recents.Api.ContentNegotiation;

namespace Recents.Unit.Tests.Api.ContentNegotiation;

/// <summary>The media type a recents operation answers with, from <c>Accept</c> (docs/api.md#media-types).</summary>
public sealed class MediaTypesTests
{
    private const string V2 = "application/vnd.bentley.itwin-platform.v2+json";
    private const string Json = "application/json";

    [Fact]
    public void Negotiate_WithoutAccept_AnswersTheVersionedType()
    {
        Assert.Equal(V2, MediaTypes.Negotiate(null));
        Assert.Equal(V2, MediaTypes.Negotiate([]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*/*")]
    [InlineData("application/*")]
    [InlineData(V2)]
    [InlineData("APPLICATION/VND.BENTLEY.ITWIN-PLATFORM.V2+JSON")]
    [InlineData("Application/*")]
    [InlineData("text/html, */*;q=0.1")]
    public void Negotiate_EmptyWildcardOrVersionedAccept_AnswersTheVersionedType(string accept)
    {
        Assert.Equal(V2, MediaTypes.Negotiate([accept]));
    }

    [Theory]
    [InlineData(Json)]
    [InlineData("Application/JSON")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("text/html, application/json")]
    public void Negotiate_PlainJsonAccepted_AnswersPlainJson(string accept)
    {
        Assert.Equal(Json, MediaTypes.Negotiate([accept]));
    }

    [Theory]
    [InlineData("application/vnd.bentley.itwin-platform.v1+json")]
    [InlineData("application/vnd.bentley.itwin-platform.v3+json")]
    [InlineData("application/vnd.bentley.itwin-platform.v1+json, application/vnd.bentley.itwin-platform.v3+json")]
    [InlineData("text/html")]
    [InlineData("text/*")]
    [InlineData("application/xml")]
    [InlineData("application/json+v2")]
    public void Negotiate_OnlyOtherVersionsOrUnrelatedTypes_AnswersNothing(string accept)
    {
        Assert.Null(MediaTypes.Negotiate([accept]));
    }

    [Theory]
    [InlineData("application")]
    [InlineData("application/json/extra")]
    [InlineData("/json")]
    public void Negotiate_AcceptThatCannotBeParsed_AnswersNothing(string accept)
    {
        Assert.Null(MediaTypes.Negotiate([accept]));
    }

    [Theory]
    [InlineData($"{V2};q=0.4, {Json};q=0.9", Json)]
    [InlineData($"{Json};q=0.5, {V2}", V2)]
    [InlineData($"*/*;q=0.9, {Json};q=0.5", V2)]
    [InlineData($"{Json};q=0.001, text/html", Json)]
    public void Negotiate_QualityValues_PickTheHighest(string accept, string expected)
    {
        Assert.Equal(expected, MediaTypes.Negotiate([accept]));
    }

    [Theory]
    [InlineData($"*/*, {Json}")]
    [InlineData($"application/*;q=0.5, {Json};q=0.5")]
    public void Negotiate_ExactTypeAndWildcardAtEqualQuality_PicksTheExactType(string accept)
    {
        Assert.Equal(Json, MediaTypes.Negotiate([accept]));
    }

    [Theory]
    [InlineData($"{Json};q=0")]
    [InlineData($"{V2};q=0, {Json};q=0")]
    [InlineData("*/*;q=0")]
    [InlineData("*/*;q=0.0")]
    public void Negotiate_EveryProducibleTypeAtQualityZero_AnswersNothing(string accept)
    {
        Assert.Null(MediaTypes.Negotiate([accept]));
    }

    [Fact]
    public void Negotiate_ExcludedTypeBesideAWildcard_AnswersWhatTheWildcardAllows()
    {
        Assert.Equal(V2, MediaTypes.Negotiate([$"{Json};q=0, */*"]));
    }

    [Fact]
    public void Negotiate_SeveralAcceptHeaders_AreReadAsOneList()
    {
        Assert.Equal(Json, MediaTypes.Negotiate(["text/html", $"{Json};q=0.8", $"{V2};q=0.2"]));
    }
}
