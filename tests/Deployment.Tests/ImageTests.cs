using Recents.Deployment.Tests.Infrastructure;

namespace Recents.Deployment.Tests;

/// <summary>Each Deployment runs the image built from its own Dockerfile target (recents-silo, recents-api).</summary>
public sealed class ImageTests
{
    [Theory]
    [InlineData(ServiceProcess.Silo)]
    [InlineData(ServiceProcess.Api)]
    public void Deployment_Image_IsTheImageOfItsTarget(ServiceProcess process)
    {
        var image = process.Deployment().OnlyContainer().Image;
        var repository = image.Split('@')[0];
        repository = repository.LastIndexOf(':') > repository.LastIndexOf('/') ? repository[..repository.LastIndexOf(':')] : repository;

        Assert.EndsWith($"/recents-{process.Target()}", repository, StringComparison.Ordinal);
    }
}
