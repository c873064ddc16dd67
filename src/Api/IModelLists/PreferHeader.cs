namespace Recents.Api.IModelLists;

public static class PreferHeader
{
    public const string Name = "Prefer";
    public const string Minimal = "return=minimal";
    public const string Representation = "return=representation";

    /// <summary>Whether the caller asked for full iModels; minimal is the default, also for unknown preferences.</summary>
    public static bool WantsRepresentation(HttpRequest request) =>
        request.Headers[Name]
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Any(preference => preference.Equals(Representation, StringComparison.OrdinalIgnoreCase));
}
