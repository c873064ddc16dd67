using Recents.Api.Common;
using Recents.PlatformDirectory;

namespace Recents.Api.Admin;

/// <summary>
/// Ids the directory may store an organization, iTwin or iModel under: GUIDs, except the nil GUID, which the gatekeeper
/// reads in place of a missing entry (<see cref="DirectoryPlaceholder"/>) and so must never name one.
/// </summary>
public static class DirectoryIds
{
    public static bool TryParse(string? value, out Guid id) => Ids.TryParse(value, out id) && !DirectoryPlaceholder.Is(id);
}
