namespace Recents.Integration.Tests.Drills;

internal enum AttemptResult
{
    /// <summary>204: the add is done and durable.</summary>
    Acknowledged,

    /// <summary>503 in the error envelope with a Retry-After: the API's way (docs/api.md#unavailability) to say "try again".</summary>
    Unavailable,

    /// <summary>Nothing listened (the API process was down); the request never reached the service.</summary>
    ConnectionRefused,

    /// <summary>The connection broke after the request was sent: the outcome is unknown to the client.</summary>
    ConnectionBroken,

    /// <summary>No answer within the drill's bound: a hang.</summary>
    TimedOut,

    /// <summary>Anything else: a 500, a 503 without Retry-After or envelope, an unexpected status.</summary>
    Unexpected,
}

/// <summary>One HTTP request of the load, as the client saw it.</summary>
internal sealed record Attempt(TimeSpan StartedAt, TimeSpan Duration, AttemptResult Result, string? Detail = null)
{
    public TimeSpan EndedAt => StartedAt + Duration;
}
