namespace Recents.Api.Tests.Infrastructure;

/// <summary>A silo and an API of their own whose rate limits run on <see cref="Clock"/>, not on the real clock.</summary>
public sealed class ClockedApiFixture : IAsyncLifetime
{
    public ClockedApiFixture()
    {
        Service = new RecentsApiFixture(TestStorage.ConnectionString, services: Clock.Register);
    }

    public TestClock Clock { get; } = new();

    public RecentsApiFixture Service { get; }

    /// <summary>A second API process of the same cluster, with the same settings and clock.</summary>
    public ApiFactory StartAnotherApi() => RecentsApiFixture.StartApi(
        Service.ClusterSettings.Concat(Service.Tokens.ApiSettings).Concat(TestRateLimits.Settings), services: Clock.Register);

    public Task InitializeAsync() => Service.InitializeAsync();

    public Task DisposeAsync() => Service.DisposeAsync();
}
