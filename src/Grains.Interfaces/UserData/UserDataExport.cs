using System.Collections.Immutable;

namespace Recents.UserData;

/// <summary>What is kept for one user: recents most recently used first, favorites most recently added first.</summary>
[GenerateSerializer, Immutable, Alias("recents.UserDataExport.v1")]
public sealed record UserDataExport(
    [property: Id(0)] ImmutableArray<UserRecent> Recents,
    [property: Id(1)] ImmutableArray<UserFavorite> Favorites);

/// <summary>A recents entry as stored: the iModel and its iTwin.</summary>
[GenerateSerializer, Immutable, Alias("recents.UserRecent.v1")]
public sealed record UserRecent(
    [property: Id(0)] Guid IModelId,
    [property: Id(1)] Guid ITwinId);

/// <summary>A favorite as stored: the iModel, its iTwin, and its place (greater is more recently added).</summary>
[GenerateSerializer, Immutable, Alias("recents.UserFavorite.v1")]
public sealed record UserFavorite(
    [property: Id(0)] Guid IModelId,
    [property: Id(1)] Guid ITwinId,
    [property: Id(2)] long Position);
