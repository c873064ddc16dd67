namespace Recents.Grains.Paging;

/// <summary>Stored state of <see cref="TokenSigningKeyGrain"/>.</summary>
[GenerateSerializer, Alias("recents.TokenSigningKeyState.v1")]
public sealed class TokenSigningKeyState
{
    /// <summary>Empty until the first call makes the key.</summary>
    [Id(0)]
    public byte[] Key { get; set; } = [];
}
