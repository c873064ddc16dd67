namespace Recents.RateLimiting;

/// <summary>Permits of an earlier lease (counted in the minute starting at <see cref="MinuteStart"/>) that were not spent.</summary>
[GenerateSerializer, Immutable, Alias("recents.UnspentPermits.v1")]
public sealed record UnspentPermits(
    [property: Id(0)] DateTimeOffset MinuteStart,
    [property: Id(1)] int Count);
