namespace Recents.Health;

/// <summary>Answers only when a silo can run a grain and read from the grain storage.</summary>
[Alias("recents.IHealthProbeGrain")]
public interface IHealthProbeGrain : IGrainWithIntegerKey
{
    [Alias("Probe")]
    Task ProbeAsync();
}
