namespace Recents.Api.Tests.Infrastructure;

/// <summary>Entry points the tests use on the shared fixture.</summary>
public static class FixtureExtensions
{
    public static ApiClient Api(this RecentsApiFixture fixture) => new(fixture.Client);

    /// <summary>A caller with a fresh, random user id and a valid <c>itwin-platform</c> token.</summary>
    public static RecentsUser NewUser(this RecentsApiFixture fixture, string prefix = "user")
    {
        var id = $"{prefix}-{Guid.NewGuid():N}";
        return fixture.UserWithId(id);
    }

    public static RecentsUser UserWithId(this RecentsApiFixture fixture, string id) => new(fixture.Api(), id, fixture.Tokens.For(id));

    /// <summary>A caller of <c>/imodels/favorites</c> with a fresh user id and a valid token.</summary>
    public static FavoritesCaller NewFavoritesUser(this RecentsApiFixture fixture, string prefix = "user") =>
        new(fixture.Api(), fixture.NewUser(prefix));

    public static FavoritesCaller Favorites(this RecentsApiFixture fixture, RecentsUser user) => new(fixture.Api(), user);

    public static AdminApi Admin(this RecentsApiFixture fixture) => new(fixture.Api(), fixture.Tokens.ForAdmin());

    /// <summary>A fresh organization and iTwin to describe; nothing is stored until <see cref="DirectoryBuilder.SaveAsync"/>.</summary>
    public static DirectoryBuilder NewDirectory(this RecentsApiFixture fixture) => new(fixture.Admin());
}
