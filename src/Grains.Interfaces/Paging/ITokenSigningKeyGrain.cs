namespace Recents.Paging;

/// <summary>
/// The deployment's key for signing continuation tokens (docs/api.md#favorites): made at random on first use, stored,
/// and the same for every API process, so that a token issued by one is honoured by all.
/// </summary>
[Alias("recents.ITokenSigningKeyGrain")]
public interface ITokenSigningKeyGrain : IGrainWithIntegerKey
{
    [Alias("Get")]
    Task<byte[]> GetAsync();
}
