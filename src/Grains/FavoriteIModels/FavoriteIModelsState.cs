using System.Collections.Immutable;

namespace Recents.Grains.FavoriteIModels;

/// <summary>Stored state of <see cref="FavoriteIModelsGrain"/>. A versioned schema: add fields with new ids, never reuse one.</summary>
[GenerateSerializer, Alias("recents.FavoriteIModelsState.v1")]
public sealed class FavoriteIModelsState
{
    /// <summary>Most recently added first, so by <see cref="FavoriteIModel.Position"/>, descending.</summary>
    [Id(0)]
    public ImmutableArray<FavoriteIModel> Entries { get; set; } = [];

    /// <summary>The position given to the latest new favorite; never decreases, also when favorites are removed.</summary>
    [Id(1)]
    public long LastPosition { get; set; }
}
