using Orleans.Storage;
using Recents.Grains.PlatformDirectory;

namespace Recents.Unit.Tests.Grains.Storage;

/// <summary>
/// iModel rows of the layout that also held the iModel's details (field 0, now retired) still give their iTwin binding,
/// which must hold for life: the bytes below are <see cref="IModelGrainState"/> in that layout, for a stored and for a
/// deleted iModel.
/// </summary>
public sealed class StoredIModelFormatTests
{
    private static readonly Guid StoredITwinId = Guid.Parse("6f1d2a34-8e5b-4c7d-a9f0-12ab34cd5e01");

    private const string StoredWithDetails =
        "ICDoQCE0Kh1vW459TKnwEqs0zV4BQStCcmlkZ2Ug4oCTIG5vcnRoIHNwYW5BL1N1cnZleSBvZiAyMDIzLCAiZmluYWwiAQUhgAeMGLoL3tsIgQDQiMMQAAAA4CHoIOiAox+R3/DASUCBgHIlTGJawL/gIeiAJlMFo5LCSUCBeAskKH6Mub/g4EERVUsgU291dGghIAAFIehAIQAAHloAAABAgAAAAAAAAAEhIAAFQR9pbW9kZWxzX3dlYnZpZXdAGWltb2RlbHNfcmVhZODg4CDoQCEAAB5aAAAAQIAAAAAAAAACISDg4ODg4MEB4EEhNCodb1uOfUyp8BKrNM1eAeA=";

    private const string StoredDeleted = "IMABQSE0Kh1vW459TKnwEqs0zV4B4A==";

    private readonly OrleansGrainStorageSerializer serializer = TestSerializers.GrainStorage();

    [Theory]
    [InlineData(StoredWithDetails)]
    [InlineData(StoredDeleted)]
    public void IModelRow_OfTheEarlierFormat_LoadsWithItsITwinBinding(string stored)
    {
        var state = serializer.Deserialize<IModelGrainState>(BinaryData.FromBytes(Convert.FromBase64String(stored)));

        Assert.NotNull(state);
        Assert.Equal(StoredITwinId, state.ITwinId);
    }
}
