using System.Collections.Immutable;

namespace Recents.Api.Admin;

internal static class Permissions
{
    /// <summary>Permissions are non-empty strings; an unknown permission is kept, it simply grants nothing here.</summary>
    public static ImmutableArray<string> Validate(IReadOnlyList<string?>? permissions, string target, BodyErrors errors) =>
        errors.RequireList(permissions, target)
            .Select((permission, i) => errors.RequireText(permission, $"{target}[{i}]"))
            .ToImmutableArray();
}
