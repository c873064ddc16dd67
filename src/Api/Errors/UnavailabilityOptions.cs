using System.ComponentModel.DataAnnotations;

namespace Recents.Api.Errors;

/// <summary>How the API answers when the grain cluster or storage cannot serve a request; the <c>Unavailability</c> section.</summary>
public sealed class UnavailabilityOptions
{
    public const string SectionName = "Unavailability";

    /// <summary>The Retry-After, in whole seconds, sent with 503 when the cluster or storage cannot serve a request.</summary>
    [Range(1, int.MaxValue)]
    public int RetryAfterSeconds { get; set; } = 5;
}
