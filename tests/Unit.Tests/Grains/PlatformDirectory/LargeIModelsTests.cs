using Orleans.Serialization;
using Recents.PlatformDirectory;
using Recents.Tests.Shared;
using Recents.Unit.Tests.Grains.Storage;

namespace Recents.Unit.Tests.Grains.PlatformDirectory;

/// <summary>The limit tests rely on <see cref="LargeIModels"/> sizes: an iModel of "about" n bytes takes 0.9 n to n serialized.</summary>
public sealed class LargeIModelsTests
{
    private readonly Serializer serializer = TestSerializers.Orleans();

    [Theory]
    [InlineData(64 * 1024)]
    [InlineData(ITwinIModelsLimits.MaxSerializedBytes * 3 / 10)]
    [InlineData(ITwinIModelsLimits.MaxSerializedBytes * 5 / 4)]
    public void OfAbout_NBytes_SerializesToBetweenNineTenthsOfNAndN(int bytes)
    {
        var size = serializer.SerializeToArray(LargeIModels.OfAbout(bytes, Guid.NewGuid(), "sized")).Length;

        Assert.InRange(size, bytes * 9 / 10, bytes);
    }
}
