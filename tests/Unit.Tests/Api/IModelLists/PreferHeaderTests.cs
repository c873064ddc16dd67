using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Recents.Api.IModelLists;

namespace Recents.Unit.Tests.Api.IModelLists;

/// <summary>The <c>Prefer</c> header of List recents picks the items' shape (docs/api.md#list-recents).</summary>
public sealed class PreferHeaderTests
{
    [Fact]
    public void WantsRepresentation_WithoutPrefer_IsFalse()
    {
        Assert.False(PreferHeader.WantsRepresentation(new DefaultHttpContext().Request));
    }

    [Theory]
    [InlineData("return=representation")]
    [InlineData("RETURN=REPRESENTATION")]
    [InlineData("Return=Representation")]
    [InlineData("  return=representation  ")]
    [InlineData("respond-async, return=representation")]
    [InlineData("return=representation,wait=10")]
    public void WantsRepresentation_ReturnRepresentationAmongThePreferences_IsTrue(string prefer)
    {
        Assert.True(PreferHeader.WantsRepresentation(RequestWith(prefer)));
    }

    [Theory]
    [InlineData("return=minimal")]
    [InlineData("")]
    [InlineData("respond-async")]
    [InlineData("return=representations")]
    [InlineData("return=full")]
    [InlineData("return representation")]
    [InlineData("representation")]
    [InlineData("handling=strict, return=minimal")]
    public void WantsRepresentation_MinimalOrAnyOtherPreference_IsFalse(string prefer)
    {
        Assert.False(PreferHeader.WantsRepresentation(RequestWith(prefer)));
    }

    [Fact]
    public void WantsRepresentation_InTheSecondOfTwoPreferHeaders_IsTrue()
    {
        Assert.True(PreferHeader.WantsRepresentation(RequestWith("respond-async", "return=representation")));
    }

    private static HttpRequest RequestWith(params string[] prefer)
    {
        var request = new DefaultHttpContext().Request;
        request.Headers["Prefer"] = new StringValues(prefer);
        return request;
    }
}
