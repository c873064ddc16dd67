namespace Recents.RateLimiting;

/// <summary>How many requests one client application may make per minute and per hour, across the deployment.</summary>
[GenerateSerializer, Immutable, Alias("recents.RequestBudget.v1")]
public sealed record RequestBudget(
    [property: Id(0)] int PerMinute,
    [property: Id(1)] int PerHour);
