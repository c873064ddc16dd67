using System.ComponentModel.DataAnnotations;
using Recents.RateLimiting;

namespace Recents.Api.RateLimiting;

/// <summary>
/// Request budgets per client application (docs/api.md#rate-limits), bound from the <c>RateLimits</c> section: named tiers,
/// the tier of clients not listed, and the tier of each listed client id.
/// </summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string SectionName = "RateLimits";

    public bool Enabled { get; set; } = true;

    public string DefaultTier { get; set; } = "standard";

    public Dictionary<string, RateLimitTier> Tiers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Client id (the token's <c>client_id</c>, else <c>azp</c>, else <c>sub</c>) to tier name.</summary>
    public Dictionary<string, string> Clients { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The most permits an API process leases at once. Larger batches mean fewer cluster calls; each process
    /// may hold up to this many permits it has not spent yet, which other processes then cannot use.
    /// </summary>
    public int MaxPermitsPerLease { get; set; } = 20;

    public RequestBudget BudgetOf(string clientId)
    {
        var tierName = Clients.GetValueOrDefault(clientId, DefaultTier);
        return Tiers.TryGetValue(tierName, out var tier)
            ? new RequestBudget(tier.RequestsPerMinute, tier.RequestsPerHour)
            : throw new InvalidOperationException($"{SectionName}: tier '{tierName}' is not defined under {SectionName}:Tiers.");
    }

    /// <summary>Checked at start (<c>ValidateOnStart</c>): every tier in use is defined, with budgets of at least 1.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        foreach (var tierName in Clients.Values.Append(DefaultTier).Distinct())
        {
            if (Tiers.GetValueOrDefault(tierName) is not { } tier)
            {
                yield return new ValidationResult($"{SectionName}: tier '{tierName}' is used but not defined under {SectionName}:Tiers.");
            }
            else if (tier.RequestsPerMinute < 1 || tier.RequestsPerHour < 1)
            {
                yield return new ValidationResult($"{SectionName}:Tiers:{tierName}: requests per minute and per hour must be at least 1.");
            }
        }

        if (MaxPermitsPerLease < 1)
        {
            yield return new ValidationResult($"{SectionName}:{nameof(MaxPermitsPerLease)} must be at least 1.");
        }
    }
}

public sealed class RateLimitTier
{
    public int RequestsPerMinute { get; set; }

    public int RequestsPerHour { get; set; }
}
