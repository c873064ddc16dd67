namespace Recents.Grains.Tests;

/// <summary>The row keys of stored grain state: the names given in each grain's [PersistentState].</summary>
internal static class StateNames
{
    public const string RecentIModels = "recentIModels";
    public const string FavoriteIModels = "favoriteIModels";
    public const string Organization = "organization";
    public const string ITwin = "iTwin";
    public const string IModel = "iModel";
    public const string ITwinIModels = "iModels";
    public const string TokenSigningKey = "tokenSigningKey";
}
