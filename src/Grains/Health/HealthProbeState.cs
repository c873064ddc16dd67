namespace Recents.Grains.Health;

/// <summary>Never written: the probe only reads it, to prove that storage answers.</summary>
[GenerateSerializer, Alias("recents.HealthProbeState.v1")]
public sealed class HealthProbeState;
