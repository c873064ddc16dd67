namespace Recents.RateLimiting;

/// <summary>
/// Permits an API process may spend locally until <see cref="ValidUntil"/> (the end of the minute they were
/// counted in). When none were granted, <see cref="RetryAfter"/> is how long until the budget admits again.
/// </summary>
[GenerateSerializer, Immutable, Alias("recents.PermitLease.v1")]
public sealed record PermitLease(
    [property: Id(0)] int Granted,
    [property: Id(1)] DateTimeOffset ValidUntil,
    [property: Id(2)] TimeSpan RetryAfter);
