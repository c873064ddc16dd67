namespace Recents.PlatformDirectory;

/// <summary>
/// The one id that no organization, iTwin or iModel may have (the admin API and the seed file refuse it), so its
/// directory grains never hold an entry. The gatekeeper reads them in place of an entry that does not exist: refusing
/// an unknown id then makes the same grain calls as refusing one the caller may not view, and the time a 404 takes says
/// nothing about which it was (docs/api.md#who-may-view-an-imodel).
/// </summary>
public static class DirectoryPlaceholder
{
    /// <summary>The nil GUID, <c>00000000-0000-0000-0000-000000000000</c>.</summary>
    public static readonly Guid Id = Guid.Empty;

    public static bool Is(Guid id) => id == Id;
}
