using Recents.PlatformDirectory;

namespace Recents.Api.IModelLists;

/// <summary>A parsed <c>$orderBy</c>: <c>name</c> or <c>createdDateTime</c>, then optionally <c>asc</c> or <c>desc</c>.</summary>
public sealed record IModelOrdering(IModelOrdering.Property By, bool Descending)
{
    public enum Property
    {
        Name,
        CreatedDateTime,
    }

    public static bool TryParse(string value, out IModelOrdering? ordering)
    {
        ordering = null;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2)
        {
            return false;
        }

        Property? by = parts[0] switch
        {
            _ when parts[0].Equals("name", StringComparison.OrdinalIgnoreCase) => Property.Name,
            _ when parts[0].Equals("createdDateTime", StringComparison.OrdinalIgnoreCase) => Property.CreatedDateTime,
            _ => null,
        };
        bool? descending = parts.Length == 1 ? false : parts[1].ToLowerInvariant() switch
        {
            "asc" => false,
            "desc" => true,
            _ => null,
        };
        if (by is null || descending is null)
        {
            return false;
        }

        ordering = new IModelOrdering(by.Value, descending.Value);
        return true;
    }

    /// <summary>Sorts stably: ties keep their most-recently-used order.</summary>
    public IReadOnlyList<ViewableIModel> Apply(IReadOnlyList<ViewableIModel> iModels)
    {
        var sorted = By switch
        {
            Property.Name => Descending
                ? iModels.OrderByDescending(m => m.Name, StringComparer.OrdinalIgnoreCase)
                : iModels.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase),
            _ => Descending
                ? iModels.OrderByDescending(m => m.CreatedDateTime)
                : iModels.OrderBy(m => m.CreatedDateTime),
        };
        return sorted.ToList();
    }
}
