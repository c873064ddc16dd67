using System.Globalization;

namespace Recents.Bench.Tools;

/// <summary>
/// The benchmark's users and directory, the same for every row and for the alternative: user <c>i</c> is a member of
/// iTwin <c>i % ITwins</c>, which holds <see cref="IModelsPerITwin"/> iModels it may view. The wrk scripts derive the
/// same ids from a user's line number (see bench/wrk/*.lua).
/// </summary>
internal static class BenchWorld
{
    public const int IModelsPerITwin = 30;

    public static string UserId(int user) => string.Create(CultureInfo.InvariantCulture, $"bench-user-{user:D5}");

    public static Guid ITwinId(int iTwin) => Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"5a1ce3f0-{iTwin:D4}-4000-8000-000000000000"));

    public static Guid IModelId(int iTwin, int iModel) =>
        Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"1e0de100-{iTwin:D4}-4000-8000-{iModel:D12}"));

    public static Guid OrganizationId { get; } = Guid.Parse("0e6a0000-0000-4000-8000-00000000be4c");

    public static Guid ViewerRoleId { get; } = Guid.Parse("a01e0000-0000-4000-8000-00000000be4c");
}
