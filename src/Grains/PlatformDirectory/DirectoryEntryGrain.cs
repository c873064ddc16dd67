using Recents.Grains.Storage;

namespace Recents.Grains.PlatformDirectory;

/// <summary>What every directory grain does: keep one entry, replaced whole by each write.</summary>
public abstract class DirectoryEntryGrain<TDetails>(IPersistentState<DirectoryEntryState<TDetails>> state) : Grain
    where TDetails : class
{
    protected TDetails? Current => state.State.Details;

    public Task<TDetails?> GetAsync() => Task.FromResult(Current);

    protected Task StoreAsync(TDetails details)
    {
        state.State.Details = details;
        return state.WriteOrDeactivateAsync(this);
    }
}
