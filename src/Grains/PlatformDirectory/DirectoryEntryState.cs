namespace Recents.Grains.PlatformDirectory;

/// <summary>Stored state of a directory grain: the entry, or null when none is stored.</summary>
[GenerateSerializer, Alias("recents.DirectoryEntryState.v1`1")]
public sealed class DirectoryEntryState<TDetails> where TDetails : class
{
    [Id(0)]
    public TDetails? Details { get; set; }
}
