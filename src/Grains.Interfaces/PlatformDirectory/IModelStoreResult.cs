namespace Recents.PlatformDirectory;

/// <summary>What became of <see cref="IIModelGrain.SetAsync"/>; only <see cref="Stored"/> stored anything.</summary>
[GenerateSerializer, Alias("recents.IModelStoreResult.v1")]
public enum IModelStoreResult
{
    Stored = 0,

    /// <summary>The iModel was first stored in another iTwin (perhaps since deleted there), and stays bound to it.</summary>
    BoundToAnotherITwin = 1,

    /// <summary>The iTwin's iModels would no longer fit in its stored state (<see cref="ITwinIModelsLimits"/>).</summary>
    ITwinFull = 2,
}
