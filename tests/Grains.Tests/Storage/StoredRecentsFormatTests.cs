using Orleans.Storage;
using Recents.Grains.RecentIModels;

namespace Recents.Grains.Tests;

/// <summary>
/// Lists stored by earlier versions must keep loading: the stored bytes below were written by the grain storage
/// serializer when <see cref="RecentIModel"/> was a class, and it has since become a struct (a list then holds its
/// entries inline instead of as 25 separate objects). The bytes are <see cref="StoredEntries"/> serialized at commit
/// 258a5d0, the last with the class; this test also passes there.
/// </summary>
public sealed class StoredRecentsFormatTests
{
    private static readonly RecentIModel[] StoredEntries =
    [
        new(Guid.Parse("0b3c2f5e-39a4-4a43-9e0b-41c3d1a7c001"), Guid.Parse("6f1d2a34-8e5b-4c7d-a9f0-12ab34cd5e01")),
        new(Guid.Parse("0b3c2f5e-39a4-4a43-9e0b-41c3d1a7c002"), Guid.Parse("6f1d2a34-8e5b-4c7d-a9f0-12ab34cd5e02")),
        new(Guid.Parse("0b3c2f5e-39a4-4a43-9e0b-41c3d1a7c003"), Guid.Parse("6f1d2a34-8e5b-4c7d-a9f0-12ab34cd5e01")),
    ];

    private const string StoredByClassEntries =
        "ICAgAAch6EAhXi88C6Q5Q0qeC0HD0afAAUEhNCodb1uOfUyp8BKrNM1eAeAg6EAhXi88C6Q5Q0qeC0HD0afAAkEhNCodb1uOfUyp8BKrNM1eAuAg6EAhXi88C6Q5Q0qeC0HD0afAA0EhNCodb1uOfUyp8BKrNM1eAeDg4OA=";

    private readonly OrleansGrainStorageSerializer serializer = TestSerializers.GrainStorage();

    [Fact]
    public void A_list_stored_when_entries_were_objects_loads_in_order()
    {
        var state = serializer.Deserialize<RecentIModelsState>(BinaryData.FromBytes(Convert.FromBase64String(StoredByClassEntries)));

        Assert.NotNull(state);
        Assert.Equal(StoredEntries, state.Entries);
    }
}
