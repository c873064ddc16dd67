using Microsoft.Extensions.Diagnostics.HealthChecks;
using Recents.Health;

namespace Recents.Api.Health;

/// <summary>Ready when a silo runs the probe grain and the probe reads from grain storage.</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<IHealthProbeGrain>(0).ProbeAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The reason without the stack trace: a failing probe is logged at every poll.
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                $"The grain cluster or its storage did not answer: {exception.GetType().Name}: {exception.Message}");
        }
    }
}
