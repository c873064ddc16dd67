namespace Recents.Api.Errors;

public sealed class UnavailabilityOptions
{
    public const string SectionName = "Unavailability";

    /// <summary>The Retry-After, in whole seconds, sent with 503 when the cluster or storage cannot serve a request.</summary>
    public int RetryAfterSeconds { get; set; } = 5;
}
