namespace Recents.Api.RecentIModels;

public static class PreferHeader
{
    /// <summary>Whether the caller asked for full iModels; minimal is the default, also for unknown preferences.</summary>
    public static bool WantsRepresentation(HttpRequest request) =>
        request.Headers["Prefer"]
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Any(preference => preference.Equals("return=representation", StringComparison.OrdinalIgnoreCase));
}
