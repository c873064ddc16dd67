using Recents.PlatformDirectory;

namespace Recents.Gatekeeper;

/// <summary>
/// A favorite as its user sees it, with its place in their favorites: <see cref="Position"/> grows with every new
/// favorite and never changes while the iModel stays one, so a cursor on it pages exactly under concurrent change.
/// </summary>
[GenerateSerializer, Immutable, Alias("recents.ListedFavorite.v1")]
public sealed record ListedFavorite(
    [property: Id(0)] ViewableIModel IModel,
    [property: Id(1)] long Position);
