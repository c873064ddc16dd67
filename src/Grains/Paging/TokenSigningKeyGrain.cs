using System.Security.Cryptography;
using Recents.Grains.Storage;
using Recents.Paging;

namespace Recents.Grains.Paging;

/// <summary>
/// Makes the signing key once and keeps it in storage. Should two activations both make one (a duplicate activation
/// during a membership change), the second write fails its ETag check and that call fails; the next reads the stored key.
/// </summary>
// The grain type name is part of every stored key: pinned so that renaming the class keeps the data.
[GrainType("tokensigningkey")]
public sealed class TokenSigningKeyGrain(
    [PersistentState("tokenSigningKey", GrainStorage.Name)] IPersistentState<TokenSigningKeyState> state)
    : Grain, ITokenSigningKeyGrain
{
    public const int KeyBytes = 32;

    public async Task<byte[]> GetAsync()
    {
        if (state.State.Key.Length == 0)
        {
            state.State.Key = RandomNumberGenerator.GetBytes(KeyBytes);
            await state.WriteOrDeactivateAsync(this);
        }

        return state.State.Key;
    }
}
