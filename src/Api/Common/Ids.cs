namespace Recents.Api.Common;

public static class Ids
{
    /// <summary>Ids of organizations, iTwins, iModels and roles are GUIDs in the canonical 8-4-4-4-12 form.</summary>
    public static bool TryParse(string? value, out Guid id) => Guid.TryParseExact(value, "D", out id);
}
