using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Recents.Grains.Storage;

namespace Recents.Unit.Tests.Grains.Storage;

/// <summary>The serializers a silo of this service uses, built without a silo, for tests of sizes and stored bytes.</summary>
internal static class TestSerializers
{
    /// <summary>The Orleans serializer, knowing every type of the grains and of their interfaces.</summary>
    public static Serializer Orleans() => new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(GrainStorage).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    /// <summary>What writes grain state to storage (see <c>GrainStorageSetup.UseRecentsStateSerializer</c>).</summary>
    public static OrleansGrainStorageSerializer GrainStorage() => new(Orleans());
}
