using Recents.Grains.Storage;
using Recents.Health;

namespace Recents.Grains.Health;

// The grain type name is part of every stored key: pinned so that renaming the class keeps the data.
[GrainType("healthprobe")]
public sealed class HealthProbeGrain(
    [PersistentState("healthProbe", GrainStorage.Name)] IPersistentState<HealthProbeState> state)
    : Grain, IHealthProbeGrain
{
    public Task ProbeAsync() => state.ReadStateAsync();
}
