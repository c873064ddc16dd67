using Orleans.Storage;
using Recents.Grains.RecentIModels;

namespace Recents.Unit.Tests.Grains.Storage;

/// <summary>
/// Stored lists keep loading whether <see cref="RecentIModel"/> is serialized as a class or as a struct (the struct
/// holds a list's entries inline instead of as 25 separate objects): the bytes below are <see cref="StoredEntries"/>
/// as the grain storage serializer wrote them for the class layout.
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
    public void StoredList_WhenEntriesWereObjects_LoadsInOrder()
    {
        var state = serializer.Deserialize<RecentIModelsState>(BinaryData.FromBytes(Convert.FromBase64String(StoredByClassEntries)));

        Assert.NotNull(state);
        Assert.Equal(StoredEntries, state.Entries);
    }
}
