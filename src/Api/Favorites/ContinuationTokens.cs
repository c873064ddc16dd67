using Recents.Paging;

namespace Recents.Api.Favorites;

/// <summary>
/// Issues and reads continuation tokens (<see cref="ContinuationTokenCodec"/>) with the deployment's key
/// (<see cref="ITokenSigningKeyGrain"/>), so that a token issued by one API process is honoured by all.
/// </summary>
public sealed class ContinuationTokens(IGrainFactory grains)
{
    private readonly Lock gate = new();
    private Task<byte[]>? key;

    public async Task<string> IssueAsync(string userId, Guid iTwinId, long position) =>
        ContinuationTokenCodec.Encode(await KeyAsync(), userId, iTwinId, position);

    /// <summary>The position the token names, or null when this service did not issue it for this user and iTwin.</summary>
    public async Task<long?> ReadAsync(string token, string userId, Guid iTwinId) =>
        ContinuationTokenCodec.Decode(await KeyAsync(), token, userId, iTwinId);

    /// <summary>Asked of the cluster once; a failed ask (the cluster unavailable) is asked again by the next request.</summary>
    private Task<byte[]> KeyAsync()
    {
        lock (gate)
        {
            if (key is null || key.IsFaulted || key.IsCanceled)
            {
                key = grains.GetGrain<ITokenSigningKeyGrain>(0).GetAsync();
            }

            return key;
        }
    }
}
