using System.Collections.Immutable;
using Recents.Grains.PlatformDirectory;
using Recents.PlatformDirectory;

namespace Recents.Tests.Shared;

/// <summary>
/// iModels whose user permissions make them about as large as a test needs, to reach an iTwin's storage limit: each
/// grant takes a little less than <see cref="BytesPerGrant"/> serialized (a unique user id and a shared permission),
/// so an iModel of "about" n bytes takes 0.9 n to n.
/// </summary>
internal static class LargeIModels
{
    private const int BytesPerGrant = 128;

    public static IModelDetails OfAbout(int bytes, Guid iTwinId, string name) => new(
        ITwinId: iTwinId,
        Name: name,
        Description: null,
        State: IModelState.Initialized,
        CreatedDateTime: new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Extent: null,
        DataCenterLocation: "East US",
        RolePermissions: null,
        UserPermissions: [.. Enumerable.Range(0, bytes / BytesPerGrant).Select(Grant)]);

    private static UserPermissions Grant(int index) =>
        new($"user-{index:D6}-{new string('x', BytesPerGrant - 28)}", ImmutableArray.Create(ViewAccess.ViewPermission));
}
