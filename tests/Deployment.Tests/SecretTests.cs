using k8s.Models;
using Recents.Deployment.Tests.Infrastructure;

namespace Recents.Deployment.Tests;

/// <summary>The storage Secret is documented by an example and never applied from the repository.</summary>
public sealed class SecretTests
{
    [Fact]
    public void ExampleSecret_NameAndKey_AreTheOnesTheDeploymentsRead()
    {
        var secret = Manifests.Files.Where(Manifests.IsExample).SelectMany(Manifests.Objects).OfType<V1Secret>().Single();

        Assert.Equal(SharedSettingsTests.SecretName, secret.Metadata.Name);
        Assert.Contains(SharedSettingsTests.SecretKey, (secret.StringData ?? new Dictionary<string, string>()).Keys);
    }

    [Fact]
    public void AppliedManifests_NoneOfThem_HoldsASecret()
    {
        Assert.Empty(Manifests.Applied.OfType<V1Secret>());
        Assert.All(Manifests.KustomizationResources(), file =>
            Assert.DoesNotContain("AccountKey=", Manifests.Text(file), StringComparison.OrdinalIgnoreCase));
    }
}
