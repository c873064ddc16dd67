using System.Collections.Immutable;
using Recents.PlatformDirectory;

namespace Recents.Grains.PlatformDirectory;

/// <summary>
/// An iTwin with some of its iModels, as <see cref="IITwinIModelsGrain.GetWithIModelsAsync"/> answers: for each requested
/// id, in the requested order, the iModel's details, or null when the iTwin holds no such iModel (never stored there,
/// or deleted).
/// </summary>
[GenerateSerializer, Immutable, Alias("recents.ITwinWithIModels.v1")]
public sealed record ITwinWithIModels(
    [property: Id(0)] ITwinDetails ITwin,
    [property: Id(1)] ImmutableArray<IModelDetails?> IModels);
