namespace Recents.Grains.Tests;

/// <summary>The test classes that share one <see cref="AzureTableCluster"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class AzureTableClusterCollection : ICollectionFixture<AzureTableCluster>
{
    public const string Name = "Azure Table storage cluster";
}
