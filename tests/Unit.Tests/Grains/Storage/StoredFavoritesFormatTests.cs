using Orleans.Storage;
using Recents.Grains.FavoriteIModels;

namespace Recents.Unit.Tests.Grains.Storage;

/// <summary>
/// The stored layout of <see cref="FavoriteIModelsState"/>, held from its first release: the bytes below are
/// <see cref="Stored"/> as the grain storage serializer writes it. A change of field ids, aliases or types that would
/// orphan stored favorites fails here; a deliberate new field needs a new pinned sample beside this one.
/// </summary>
public sealed class StoredFavoritesFormatTests
{
    private static readonly FavoriteIModel[] StoredEntries =
    [
        new(Guid.Parse("0b3c2f5e-39a4-4a43-9e0b-41c3d1a7c003"), Guid.Parse("6f1d2a34-8e5b-4c7d-a9f0-12ab34cd5e01"), 7),
        new(Guid.Parse("0b3c2f5e-39a4-4a43-9e0b-41c3d1a7c002"), Guid.Parse("6f1d2a34-8e5b-4c7d-a9f0-12ab34cd5e02"), 5),
        new(Guid.Parse("0b3c2f5e-39a4-4a43-9e0b-41c3d1a7c001"), Guid.Parse("6f1d2a34-8e5b-4c7d-a9f0-12ab34cd5e01"), 1),
    ];

    private const long StoredLastPosition = 9;

    private const string StoredBytes =
        "ICAgAAch6EAhXi88C6Q5Q0qeC0HD0afAA0EhNCodb1uOfUyp8BKrNM1eAQEd4CDoQCFeLzwLpDlDSp4LQcPRp8ACQSE0Kh1vW459TKnwEqs0zV4CARXgIOhAIV4vPAukOUNKngtBw9GnwAFBITQqHW9bjn1MqfASqzTNXgEBBeDg4AEl4A==";

    private readonly OrleansGrainStorageSerializer serializer = TestSerializers.GrainStorage();

    private static FavoriteIModelsState Stored() => new() { Entries = [.. StoredEntries], LastPosition = StoredLastPosition };

    [Fact]
    public void FavoritesState_Serialized_IsThePinnedBytes()
    {
        var written = serializer.Serialize(Stored());

        Assert.Equal(StoredBytes, Convert.ToBase64String(written.ToArray()));
    }

    [Fact]
    public void FavoritesState_OfThePinnedBytes_LoadsEntriesPositionsAndLastPosition()
    {
        var state = serializer.Deserialize<FavoriteIModelsState>(BinaryData.FromBytes(Convert.FromBase64String(StoredBytes)));

        Assert.NotNull(state);
        Assert.Equal(StoredEntries, state.Entries);
        Assert.Equal(StoredLastPosition, state.LastPosition);
    }

    [Fact]
    public void FavoritesState_Empty_RoundTrips()
    {
        var state = serializer.Deserialize<FavoriteIModelsState>(serializer.Serialize(new FavoriteIModelsState()));

        Assert.NotNull(state);
        Assert.Empty(state.Entries);
        Assert.Equal(0, state.LastPosition);
    }
}
