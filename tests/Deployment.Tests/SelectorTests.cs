using k8s.Models;
using Recents.Deployment.Tests.Infrastructure;

namespace Recents.Deployment.Tests;

/// <summary>Each Deployment and budget selects its own pods and no other's.</summary>
public sealed class SelectorTests
{
    private static IReadOnlyList<V1Deployment> Deployments => Manifests.Applied.OfType<V1Deployment>().ToList();

    [Fact]
    public void DeploymentSelector_OfEachDeployment_SelectsItsOwnPodsOnly()
    {
        var deployments = Deployments;
        Assert.All(deployments, deployment =>
        {
            Assert.True(Manifests.Selects(deployment.Spec.Selector.MatchLabels, deployment.Spec.Template.Metadata.Labels),
                $"{deployment.Metadata.Name}: selector does not match its pod labels");
            Assert.All(deployments.Where(other => other.Metadata.Name != deployment.Metadata.Name), other =>
                Assert.False(Manifests.Selects(deployment.Spec.Selector.MatchLabels, other.Spec.Template.Metadata.Labels),
                    $"{deployment.Metadata.Name}: selector also matches {other.Metadata.Name}'s pods"));
        });
    }

    [Fact]
    public void DisruptionBudgetSelector_OfEachBudget_SelectsOneDeploymentsPods()
    {
        var deployments = Deployments;
        Assert.All(Manifests.Applied.OfType<V1PodDisruptionBudget>(), budget =>
            Assert.Single(deployments, deployment => Manifests.Selects(budget.Spec.Selector.MatchLabels, deployment.Spec.Template.Metadata.Labels)));
    }

    [Fact]
    public void SiloDisruptionBudget_AllowsOneAtATime()
    {
        var budget = Manifests.Applied.OfType<V1PodDisruptionBudget>()
            .Single(candidate => Manifests.Selects(candidate.Spec.Selector.MatchLabels, Manifests.Silo.Spec.Template.Metadata.Labels));

        Assert.Equal("1", budget.Spec.MaxUnavailable?.Value);
    }
}
