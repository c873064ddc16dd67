using System.Collections.Immutable;
using Recents.PlatformDirectory;

namespace Recents.Gatekeeper;

/// <summary>
/// The only way into a user's recents: it decides who may view what (docs/api.md#who-may-view-an-imodel) against the
/// directory as it is now, and only then calls the user's list grain, which lives in the silo's assembly and cannot be
/// called from outside. Deciding next to the directory grains and the user's grain makes a request one call from the
/// API, and only the answer crosses back.
/// </summary>
[Alias("recents.IRecentsGatekeeperGrain")]
public interface IRecentsGatekeeperGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Puts the iModel first in <paramref name="userId"/>'s list and returns true once durable; false, and nothing
    /// changed, unless the iModel exists and the user may view it now.
    /// </summary>
    [Alias("Add")]
    Task<bool> AddAsync(string userId, Guid iModelId);

    /// <summary>
    /// Removes the iModel from <paramref name="userId"/>'s list if listed and returns true once durable; false, and
    /// nothing changed, unless the iModel exists and the user may view it now.
    /// </summary>
    [Alias("Remove")]
    Task<bool> RemoveAsync(string userId, Guid iModelId);

    /// <summary>
    /// Null when the iTwin does not exist or <paramref name="userId"/> may not see it (neither a member nor an
    /// administrator of its organization). Otherwise the user's recent iModels of the iTwin that still exist there and
    /// the user may view now, most recently used first.
    /// </summary>
    [Alias("List")]
    Task<ImmutableArray<ViewableIModel>?> ListAsync(string userId, Guid iTwinId);
}
