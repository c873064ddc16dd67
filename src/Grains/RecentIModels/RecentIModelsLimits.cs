namespace Recents.Grains.RecentIModels;

public static class RecentIModelsLimits
{
    /// <summary>The most entries one user's list holds; adding one more evicts the least recently used.</summary>
    public const int Capacity = 25;
}
