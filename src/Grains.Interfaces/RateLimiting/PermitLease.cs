namespace Recents.RateLimiting;

/// <summary>
/// Permits an API process may spend locally for <see cref="ValidFor"/> (until the end of the minute they were
/// counted in; a duration, so that the API and silo clocks need not agree). When none were granted,
/// <see cref="RetryAfter"/> is how long until the budget admits again. <see cref="MinuteStart"/> names the
/// minute they were counted in, for giving back the ones not spent.
/// </summary>
[GenerateSerializer, Immutable, Alias("recents.PermitLease.v2")]
public sealed record PermitLease(
    [property: Id(0)] int Granted,
    [property: Id(1)] DateTimeOffset MinuteStart,
    [property: Id(2)] TimeSpan ValidFor,
    [property: Id(3)] TimeSpan RetryAfter);
