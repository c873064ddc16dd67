using Recents.Api.RateLimiting;

namespace Recents.Api.Tests.Infrastructure;

/// <summary>
/// The request budgets of the test API: a default tier no test comes near, and small tiers for the client ids
/// that the rate-limiting tests use (each test its own client, so tests do not share budgets).
/// </summary>
public static class TestRateLimits
{
    public const int TinyPerMinute = 5;
    public const int TinyPerHour = 7;
    public const int SharedPerMinute = 40;

    public const string MinuteExhaustedClient = "rl-minute-exhausted";
    public const string RetryAfterClient = "rl-retry-after";
    public const string HourExhaustedClient = "rl-hour-exhausted";
    public const string FloodingClient = "rl-flooding";
    public const string TwoProcessesClient = "rl-two-processes";
    public const string AzpClient = "rl-azp";
    public const string SubjectClient = "rl-subject";
    public const string OtherClient = "rl-other";
    public const string FavoritesClient = "rl-favorites";

    public static IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimits:DefaultTier"] = "tests",
        ["RateLimits:Tiers:tests:RequestsPerMinute"] = "1000000",
        ["RateLimits:Tiers:tests:RequestsPerHour"] = "10000000",
        ["RateLimits:Tiers:tiny-minute:RequestsPerMinute"] = $"{TinyPerMinute}",
        ["RateLimits:Tiers:tiny-minute:RequestsPerHour"] = "1000",
        ["RateLimits:Tiers:tiny-hour:RequestsPerMinute"] = "1000",
        ["RateLimits:Tiers:tiny-hour:RequestsPerHour"] = $"{TinyPerHour}",
        ["RateLimits:Tiers:shared:RequestsPerMinute"] = $"{SharedPerMinute}",
        ["RateLimits:Tiers:shared:RequestsPerHour"] = "1000",
        [$"RateLimits:Clients:{MinuteExhaustedClient}"] = "tiny-minute",
        [$"RateLimits:Clients:{RetryAfterClient}"] = "tiny-minute",
        [$"RateLimits:Clients:{FloodingClient}"] = "tiny-minute",
        [$"RateLimits:Clients:{HourExhaustedClient}"] = "tiny-hour",
        [$"RateLimits:Clients:{TwoProcessesClient}"] = "shared",
        [$"RateLimits:Clients:{AzpClient}"] = "tiny-minute",
        [$"RateLimits:Clients:{ClientApplication.OfSubject(SubjectClient)}"] = "tiny-minute",
        [$"RateLimits:Clients:{FavoritesClient}"] = "tiny-minute",
    };
}
