namespace Recents.Grains.Tests;

/// <summary>The test classes that share one <see cref="MemoryStorageCluster"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class MemoryStorageClusterCollection : ICollectionFixture<MemoryStorageCluster>
{
    public const string Name = "Memory storage cluster";
}
