using Recents.PlatformDirectory;

namespace Recents.Grains.PlatformDirectory;

/// <summary>Stored state of the iModels an <see cref="ITwinGrain"/> holds, by iModel id.</summary>
[GenerateSerializer, Alias("recents.ITwinIModelsState.v1")]
public sealed class ITwinIModelsState
{
    [Id(0)]
    public Dictionary<Guid, IModelDetails> IModels { get; set; } = [];
}
