using Orleans.Storage;
using Recents.Storage;

namespace Recents.Grains.Storage;

internal static class PersistentStateExtensions
{
    public static Task WriteOrDeactivateAsync<TState>(this IPersistentState<TState> state, Grain grain) =>
        DeactivateOnFailureAsync(grain, state.WriteStateAsync());

    /// <summary>
    /// When a storage operation fails, memory may no longer match storage (and after an ETag conflict
    /// another activation may own newer state), so the activation is dropped and the next call reloads
    /// from storage instead of building on a state nobody acknowledged.
    /// </summary>
    private static async Task DeactivateOnFailureAsync(Grain grain, Task storageOperation)
    {
        try
        {
            await storageOperation;
        }
        catch (InconsistentStateException conflict)
        {
            grain.DeactivateOnIdle();
            throw new StaleGrainStateException(
                $"{grain.GetGrainId()}: another activation changed the stored state; reload and retry. {conflict.Message}");
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
