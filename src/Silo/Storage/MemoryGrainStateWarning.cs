namespace Recents.Silo.Storage;

/// <summary>Says at every start, where an operator will see it, that this silo keeps grain state in memory only.</summary>
internal sealed class MemoryGrainStateWarning(ILogger<MemoryGrainStateWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning(
            "{Setting} is {Kind}: grain state is kept in memory and lost when the silo stops. For benchmarks only.",
            $"{GrainStateOptions.SectionName}:{nameof(GrainStateOptions.Kind)}", GrainStateKind.Memory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
