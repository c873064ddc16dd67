using Recents.Api.Admin;
using Recents.PlatformDirectory;

namespace Recents.Unit.Tests.Api.Admin;

public sealed class DirectoryIdsTests
{
    [Fact]
    public void TryParse_AGuid_IsThatId()
    {
        Assert.True(DirectoryIds.TryParse("5a1ce3f0-0000-4000-8000-000000000001", out var id));
        Assert.Equal(Guid.Parse("5a1ce3f0-0000-4000-8000-000000000001"), id);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("not-a-guid")]
    [InlineData("{5a1ce3f0-0000-4000-8000-000000000001}")]
    [InlineData(null)]
    public void TryParse_ThePlaceholderOrNoGuid_IsNoId(string? value) => Assert.False(DirectoryIds.TryParse(value, out _));

    [Fact]
    public void Placeholder_IsTheNilGuid() => Assert.Equal(Guid.Empty, DirectoryPlaceholder.Id);
}
