using Orleans.Storage;
using Recents.Storage;

namespace Recents.Grains.Storage;

internal static class PersistentStateExtensions
{
    public static Task WriteOrDeactivateAsync<TState>(this IPersistentState<TState> state, Grain grain) =>
        DeactivateOnFailureAsync(grain, state.WriteStateAsync());

    /// <summary>
    /// Deletes the stored row (conditional on its ETag, as a write is), resets the state in memory, and then drops the
    /// activation, so that no silo keeps a copy of what was erased. Clearing a state that was never stored deletes nothing.
    /// </summary>
    public static async Task ClearOrDeactivateAsync<TState>(this IPersistentState<TState> state, Grain grain)
    {
        await DeactivateOnFailureAsync(grain, state.ClearStateAsync());
        grain.DeactivateOnIdle();
    }

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
