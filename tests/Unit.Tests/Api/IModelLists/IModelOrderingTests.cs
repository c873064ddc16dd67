using Recents.Api.IModelLists;
using Recents.PlatformDirectory;
using static Recents.Api.IModelLists.IModelOrdering.Property;

namespace Recents.Unit.Tests.Api.IModelLists;

/// <summary><c>$orderBy</c> of List recents (docs/api.md#list-recents): its syntax, and the sort it applies.</summary>
public sealed class IModelOrderingTests
{
    [Theory]
    [InlineData("name", Name, false)]
    [InlineData("createdDateTime", CreatedDateTime, false)]
    [InlineData("name asc", Name, false)]
    [InlineData("name desc", Name, true)]
    [InlineData("createdDateTime desc", CreatedDateTime, true)]
    [InlineData("NAME DESC", Name, true)]
    [InlineData("CreatedDateTime Asc", CreatedDateTime, false)]
    [InlineData("createddatetime dEsC", CreatedDateTime, true)]
    [InlineData("  name   desc  ", Name, true)]
    public void TryParse_PropertyAndOptionalDirection_AreReadWithoutRegardToCase(
        string value, IModelOrdering.Property property, bool descending)
    {
        Assert.True(IModelOrdering.TryParse(value, out var ordering));
        Assert.Equal(new IModelOrdering(property, descending), ordering);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("size")]
    [InlineData("displayName")]
    [InlineData("desc")]
    [InlineData("name descending")]
    [InlineData("name ascending")]
    [InlineData("name desc asc")]
    [InlineData("name,desc")]
    [InlineData("name\tdesc")]
    [InlineData("-name")]
    [InlineData("name createdDateTime")]
    public void TryParse_AnythingElse_IsRefused(string value)
    {
        Assert.False(IModelOrdering.TryParse(value, out var ordering));
        Assert.Null(ordering);
    }

    [Fact]
    public void Apply_ByName_ComparesWithoutRegardToCase()
    {
        var iModels = IModels(("b", 1), ("C", 2), ("a", 3));

        Assert.Equal(["a", "b", "C"], Names(new IModelOrdering(Name, false).Apply(iModels)));
        Assert.Equal(["C", "b", "a"], Names(new IModelOrdering(Name, true).Apply(iModels)));
    }

    [Fact]
    public void Apply_ByCreatedDateTime_SortsByTheInstant()
    {
        var iModels = IModels(("second", 2), ("third", 3), ("first", 1));

        Assert.Equal(["first", "second", "third"], Names(new IModelOrdering(CreatedDateTime, false).Apply(iModels)));
        Assert.Equal(["third", "second", "first"], Names(new IModelOrdering(CreatedDateTime, true).Apply(iModels)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Apply_NamesEqualButForCase_KeepTheirMostRecentlyUsedOrder(bool descending)
    {
        var iModels = IModels(("bridge", 1), ("Abutment", 2), ("Bridge", 3), ("BRIDGE", 4));

        var sorted = new IModelOrdering(Name, descending).Apply(iModels);

        Assert.Equal(["bridge", "Bridge", "BRIDGE"], Names(sorted).Where(name => name != "Abutment"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Apply_EqualCreatedDateTimes_KeepTheirMostRecentlyUsedOrder(bool descending)
    {
        var iModels = IModels(("used last", 5), ("used before", 5), ("other", 1), ("used first", 5));

        var sorted = new IModelOrdering(CreatedDateTime, descending).Apply(iModels);

        Assert.Equal(["used last", "used before", "used first"], Names(sorted).Where(name => name != "other"));
    }

    [Fact]
    public void Apply_LeavesTheGivenListAsItWas()
    {
        var iModels = IModels(("b", 1), ("a", 2));

        _ = new IModelOrdering(Name, false).Apply(iModels);

        Assert.Equal(["b", "a"], Names(iModels));
    }

    /// <summary>iModels in most-recently-used order, each created on the given day of 2024.</summary>
    private static ViewableIModel[] IModels(params (string Name, int Day)[] iModels) =>
    [
        .. iModels.Select(iModel => new ViewableIModel(
            Guid.NewGuid(), Guid.Empty, iModel.Name, null, IModelState.Initialized,
            new DateTimeOffset(2024, 1, iModel.Day, 12, 0, 0, TimeSpan.Zero), null, "East US", IsSecured: false)),
    ];

    private static string[] Names(IEnumerable<ViewableIModel> iModels) => [.. iModels.Select(iModel => iModel.Name)];
}
