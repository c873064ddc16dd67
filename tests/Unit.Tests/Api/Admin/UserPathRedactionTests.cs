using Microsoft.AspNetCore.Http;
using Recents.Api.Admin;

namespace Recents.Unit.Tests.Api.Admin;

public sealed class UserPathRedactionTests
{
    [Theory]
    [InlineData("/admin/users/alice@example.com/data", "/admin/users/{userId}/data")]
    [InlineData("/ADMIN/Users/alice/DATA", "/admin/users/{userId}/data")]
    [InlineData("/admin/users/alice", "/admin/users/{userId}")]
    [InlineData("/admin/users/alice/other", "/admin/users/{userId}")]
    public void Of_APathUnderAdminUsers_HidesTheUser(string path, string expected) =>
        Assert.Equal(expected, UserPathRedaction.Of(new PathString(path)));

    [Theory]
    [InlineData("/imodels/recents/1e0de100-0000-4000-8000-000000000001")]
    [InlineData("/admin/itwins/5a1ce3f0-0000-4000-8000-000000000001")]
    [InlineData("/admin/usersx/alice")]
    public void Of_APathThatNamesNoUser_IsNull(string path) =>
        Assert.Null(UserPathRedaction.Of(new PathString(path)));
}
