namespace Recents.UserData;

/// <summary>
/// Everything the service keeps for one user, as a whole, for privacy requests (docs/api.md#user-data): the operator's
/// view of what is stored, without the view rule that lists apply. The API reaches a user's list grains only through
/// this and the gatekeeper; the list grains stay in the silo's assembly.
/// </summary>
[Alias("recents.IUserDataGrain")]
public interface IUserDataGrain : IGrainWithIntegerKey
{
    /// <summary>The user's recents and favorites as stored; empty lists when nothing is kept for the user.</summary>
    [Alias("Export")]
    Task<UserDataExport> ExportAsync(string userId);

    /// <summary>
    /// Deletes the user's stored rows and drops their grains' activations; done when it returns. Erasing a user with
    /// nothing stored changes nothing.
    /// </summary>
    [Alias("Erase")]
    Task EraseAsync(string userId);
}
