using Recents.Api.Common;

namespace Recents.Unit.Tests.Api.Common;

/// <summary>Ids are GUIDs in the 8-4-4-4-12 form (docs/api.md#operations); any other form is not an id.</summary>
public sealed class IdsTests
{
    [Theory]
    [InlineData("1e0de100-0000-4000-8000-000000000001")]
    [InlineData("1E0DE100-0000-4000-8000-00000000000A")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void TryParse_HyphenatedHexForm_GivesTheGuid(string value)
    {
        Assert.True(Ids.TryParse(value, out var id));
        Assert.Equal(Guid.Parse(value), id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1e0de100000040008000000000000001")]
    [InlineData("{1e0de100-0000-4000-8000-000000000001}")]
    [InlineData("(1e0de100-0000-4000-8000-000000000001)")]
    [InlineData("{0x1e0de100,0x0000,0x4000,{0x80,0x00,0x00,0x00,0x00,0x00,0x00,0x01}}")]
    [InlineData("1e0de100-0000-4000-8000-00000000001")]
    [InlineData("1e0de100-0000-4000-8000-0000000000011")]
    [InlineData("1e0de100-0000-4000-8000-00000000000g")]
    [InlineData("1e0de100-0000-4000-8000_000000000001")]
    [InlineData("1e0de1000-000-4000-8000-000000000001")]
    [InlineData("not-a-guid")]
    public void TryParse_AnyOtherForm_IsRefused(string? value)
    {
        Assert.False(Ids.TryParse(value, out var id));
        Assert.Equal(Guid.Empty, id);
    }
}
