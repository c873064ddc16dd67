using System.Collections.Immutable;
using Recents.Grains.RecentIModels;

namespace Recents.Grains.RecentIModels;

/// <summary>Stored state of <see cref="RecentIModelsGrain"/>. A versioned schema: add fields with new ids, never reuse one.</summary>
[GenerateSerializer, Alias("recents.RecentIModelsState.v1")]
public sealed class RecentIModelsState
{
    /// <summary>Most recently used first.</summary>
    [Id(0)]
    public ImmutableArray<RecentIModel> Entries { get; set; } = [];
}
