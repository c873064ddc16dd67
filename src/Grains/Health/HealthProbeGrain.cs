using Recents.Grains.Storage;
using Recents.Health;

namespace Recents.Grains.Health;

public sealed class HealthProbeGrain(
    [PersistentState("healthProbe", GrainStorage.Name)] IPersistentState<HealthProbeState> state)
    : Grain, IHealthProbeGrain
{
    public Task ProbeAsync() => state.ReadStateAsync();
}
