using Recents.Gatekeeper;
using Recents.Grains.PlatformDirectory;
using Recents.PlatformDirectory;
using static Recents.Tests.Shared.DirectoryBuilders;

namespace Recents.Grains.Tests;

/// <summary>
/// Every refusal makes the same grain calls, whatever its reason (docs/api.md#who-may-view-an-imodel): an id that
/// names nothing reads placeholder entries in place of the missing ones, so the time of a 404 does not tell it from an
/// id the caller may not view.
/// </summary>
public sealed class RefusalGrainCallsTests(CallRecordingCluster cluster) : IClassFixture<CallRecordingCluster>
{
    private static readonly Guid Viewer = Guid.Parse("00000000-0000-4000-8000-00000000b002");

    private readonly Guid organizationId = Guid.NewGuid();
    private readonly Guid iTwinId = Guid.NewGuid();
    private readonly string member = $"member-{Guid.NewGuid()}";
    private readonly string stranger = $"stranger-{Guid.NewGuid()}";

    public enum IModelOperation
    {
        AddRecent,
        RemoveRecent,
        AddFavorite,
        RemoveFavorite,
    }

    public enum ITwinOperation
    {
        ListRecents,
        ListFavorites,
    }

    private IRecentsGatekeeperGrain Recents => cluster.Client.GetGrain<IRecentsGatekeeperGrain>(0);

    private IFavoritesGatekeeperGrain Favorites => cluster.Client.GetGrain<IFavoritesGatekeeperGrain>(0);

    [Theory]
    [InlineData(IModelOperation.AddRecent)]
    [InlineData(IModelOperation.RemoveRecent)]
    [InlineData(IModelOperation.AddFavorite)]
    [InlineData(IModelOperation.RemoveFavorite)]
    public async Task RefusalOfAnUnknownIModel_MakesTheCallsOfARefusalOfOneTheCallerMayNotView(IModelOperation operation)
    {
        var visibleToMembers = await StoreDirectoryWithIModelAsync(UnsecuredIModel());
        var securedForBob = await StoreIModelAsync(IModelWithUserPermissions(UserGrant("bob", ViewAccess.ViewPermission)));

        var unknown = await RefusedAsync(operation, member, Guid.NewGuid());
        var notViewableByAStranger = await RefusedAsync(operation, stranger, visibleToMembers);
        var notViewableByAMember = await RefusedAsync(operation, member, securedForBob);

        Assert.Equal(Operations(notViewableByAStranger), Operations(unknown));
        Assert.Equal(Operations(notViewableByAStranger), Operations(notViewableByAMember));
        Assert.Equal(
            [ReadITwinIdOfIModel, ReadITwinWithIModels, ReadOrganization],
            DirectoryOperations(unknown));
        Assert.All(DirectoryCalls(unknown).Skip(1), call => Assert.Equal(PlaceholderKey, call.Target.GetGuidKey()));
    }

    [Theory]
    [InlineData(IModelOperation.AddRecent)]
    [InlineData(IModelOperation.RemoveRecent)]
    [InlineData(IModelOperation.AddFavorite)]
    [InlineData(IModelOperation.RemoveFavorite)]
    public async Task RefusalOfADeletedIModel_OrOneWhoseITwinIsMissing_MakesTheSameCalls(IModelOperation operation)
    {
        var visibleToMembers = await StoreDirectoryWithIModelAsync(UnsecuredIModel());
        var deleted = await StoreIModelAsync(UnsecuredIModel());
        await cluster.Client.GetGrain<IIModelGrain>(deleted).DeleteAsync();
        var inAMissingITwin = Guid.NewGuid();
        Assert.Equal(IModelStoreResult.Stored, await cluster.Client.GetGrain<IIModelGrain>(inAMissingITwin)
            .SetAsync(UnsecuredIModel() with { ITwinId = Guid.NewGuid() }));

        var notViewable = Operations(await RefusedAsync(operation, stranger, visibleToMembers));

        Assert.Equal(notViewable, Operations(await RefusedAsync(operation, member, deleted)));
        Assert.Equal(notViewable, Operations(await RefusedAsync(operation, member, inAMissingITwin)));
    }

    [Theory]
    [InlineData(ITwinOperation.ListRecents)]
    [InlineData(ITwinOperation.ListFavorites)]
    public async Task ListOfAnUnknownITwin_MakesTheCallsOfAListOfOneTheCallerMayNotSee(ITwinOperation operation)
    {
        await StoreDirectoryWithIModelAsync(UnsecuredIModel());

        var unknown = await RefusedListAsync(operation, member, Guid.NewGuid());
        var notVisible = await RefusedListAsync(operation, stranger, iTwinId);

        Assert.Equal(Operations(notVisible), Operations(unknown));
        Assert.Equal([ReadITwinWithIModels, ReadOrganization], DirectoryOperations(unknown));
        Assert.Equal(PlaceholderKey, DirectoryCalls(unknown).Last().Target.GetGuidKey());
    }

    private static readonly string ReadITwinIdOfIModel = $"{Interface<IIModelGrain>()}.{nameof(IIModelGrain.GetITwinIdAsync)}";
    private static readonly string ReadITwinWithIModels = $"{Interface<IITwinIModelsGrain>()}.{nameof(IITwinIModelsGrain.GetWithIModelsAsync)}";
    private static readonly string ReadOrganization = $"{Interface<IOrganizationGrain>()}.{nameof(IOrganizationGrain.GetAsync)}";

    private static Guid PlaceholderKey => DirectoryPlaceholder.Id;

    private Task<IReadOnlyList<RecordedGrainCall>> RefusedAsync(IModelOperation operation, string userId, Guid iModelId) => operation switch
    {
        IModelOperation.AddRecent => RecordRefusalAsync(() => Recents.AddAsync(userId, iModelId), added => !added),
        IModelOperation.RemoveRecent => RecordRefusalAsync(() => Recents.RemoveAsync(userId, iModelId), removed => !removed),
        IModelOperation.AddFavorite => RecordRefusalAsync(() => Favorites.AddFavoriteAsync(userId, iModelId), added => added == FavoriteAddResult.NotFound),
        IModelOperation.RemoveFavorite => RecordRefusalAsync(() => Favorites.RemoveFavoriteAsync(userId, iModelId), removed => !removed),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private Task<IReadOnlyList<RecordedGrainCall>> RefusedListAsync(ITwinOperation operation, string userId, Guid listedITwinId) => operation switch
    {
        ITwinOperation.ListRecents => RecordRefusalAsync(() => Recents.ListAsync(userId, listedITwinId), listed => listed is null),
        ITwinOperation.ListFavorites => RecordRefusalAsync(() => Favorites.ListFavoritesAsync(userId, listedITwinId), listed => listed is null),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    /// <summary>
    /// The calls of the refusal made a second time, as a warm directory answers it: the first also activates the grains it
    /// reads, which a real entry not read lately would cost too, and whose storage reads would count here.
    /// </summary>
    private async Task<IReadOnlyList<RecordedGrainCall>> RecordRefusalAsync<T>(Func<Task<T>> call, Func<T, bool> isRefusal)
    {
        Assert.True(isRefusal(await call()), "not refused");
        var answer = default(T);
        var calls = await cluster.Recorder.RecordAsync(async () => answer = await call());
        Assert.True(isRefusal(answer!), $"not refused: {answer}");
        return calls;
    }

    private static string[] Operations(IReadOnlyList<RecordedGrainCall> calls) => [.. calls.Select(call => call.Operation)];

    private static RecordedGrainCall[] DirectoryCalls(IReadOnlyList<RecordedGrainCall> calls) =>
        [.. calls.Where(call => DirectoryInterfaces.Contains(call.Interface))];

    private static string[] DirectoryOperations(IReadOnlyList<RecordedGrainCall> calls) => Operations(DirectoryCalls(calls));

    private static readonly string[] DirectoryInterfaces =
        [Interface<IIModelGrain>(), Interface<IITwinIModelsGrain>(), Interface<IITwinGrain>(), Interface<IOrganizationGrain>()];

    private static string Interface<TGrainInterface>() => typeof(TGrainInterface).FullName!;

    private async Task<Guid> StoreDirectoryWithIModelAsync(IModelDetails iModel)
    {
        await cluster.Client.GetGrain<IOrganizationGrain>(organizationId).SetAsync(Organization($"admin-{Guid.NewGuid()}"));
        await cluster.Client.GetGrain<IITwinGrain>(iTwinId).SetAsync(
            new ITwinDetails(organizationId, [Role(Viewer, ViewAccess.ViewPermission)], [Member(member, Viewer)]));
        return await StoreIModelAsync(iModel);
    }

    private async Task<Guid> StoreIModelAsync(IModelDetails iModel)
    {
        var id = Guid.NewGuid();
        Assert.Equal(IModelStoreResult.Stored, await cluster.Client.GetGrain<IIModelGrain>(id).SetAsync(iModel with { ITwinId = iTwinId }));
        return id;
    }
}
