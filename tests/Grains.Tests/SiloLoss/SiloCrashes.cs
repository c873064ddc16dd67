using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Recents.Grains.Tests;

/// <summary>
/// Turns <see cref="InProcessTestCluster.KillSiloAsync"/> into a crash. On its own it is a fast shutdown in which
/// the killed silo still writes itself Dead in the shared membership table, so the other silos know at once and
/// nothing tests how they find out. A crashed process says nothing: from <see cref="CrashAsync"/> on, the
/// silo's writes to the membership table fail, so the survivors must probe it, vote it dead, and only then
/// place its grains elsewhere (until then the grain directory still sends their calls to the dead silo).
/// </summary>
/// <remarks>
/// The in-process membership table is shared by every silo of the cluster; each silo reaches it through a
/// wrapper that knows whether its silo has crashed, put in place when the silo's service provider is built
/// (after the test cluster has registered the shared table).
/// </remarks>
public sealed class SiloCrashes
{
    private readonly ConcurrentDictionary<string, CrashSwitch> switches = new();

    public void Install(InProcessTestClusterBuilder builder) =>
        builder.ConfigureSiloHost((silo, host) =>
            host.ConfigureContainer(new CrashableMembershipFactory(switches.GetOrAdd(silo.SiloName, _ => new CrashSwitch()))));

    /// <summary>Crashes <paramref name="silo"/>: it can no longer write to the membership table, then its host is killed.</summary>
    public async Task CrashAsync(InProcessTestCluster cluster, InProcessSiloHandle silo)
    {
        if (!switches.TryGetValue(silo.Name, out var crash))
        {
            throw new InvalidOperationException($"Silo {silo.Name} was not started with {nameof(SiloCrashes)} installed.");
        }

        crash.Crashed = true;
        // A silo that cannot write its status retries it on its way down, long enough that KillSiloAsync took two
        // minutes in a trial (during which the silo still answered probes). The retries are bounded by this option,
        // read from the silo's options object when they run: shortened now, the kill takes milliseconds.
        silo.ServiceProvider.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value.MaxJoinAttemptTime = TimeSpan.FromTicks(1);
        await cluster.KillSiloAsync(silo);
    }

    private sealed class CrashSwitch
    {
        private volatile bool crashed;

        public bool Crashed
        {
            get => crashed;
            set => crashed = value;
        }

        public Exception Unreachable() => new IOException("The silo has crashed (simulated): it cannot reach the membership table.");
    }

    /// <summary>
    /// Builds the silo's service provider with the shared membership table, registered last by the test cluster,
    /// replaced by this silo's crashable view of it.
    /// </summary>
    private sealed class CrashableMembershipFactory(CrashSwitch crash) : IServiceProviderFactory<IServiceCollection>
    {
        public IServiceCollection CreateBuilder(IServiceCollection services)
        {
            var shared = services.LastOrDefault(service => service.ServiceType == typeof(IMembershipTable) && !service.IsKeyedService)
                ?? throw new InvalidOperationException("No IMembershipTable registered: the test cluster no longer provides the shared table this crash simulation wraps.");
            services[services.IndexOf(shared)] = ServiceDescriptor.Describe(
                typeof(IMembershipTable),
                provider => new CrashableMembershipTable(
                    (IMembershipTable)(shared.ImplementationInstance
                        ?? shared.ImplementationFactory?.Invoke(provider)
                        ?? ActivatorUtilities.CreateInstance(provider, shared.ImplementationType!)),
                    crash),
                shared.Lifetime);
            return services;
        }

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) => containerBuilder.BuildServiceProvider();
    }

    /// <summary>Reads pass through; once crashed, writes fail as if the table were out of reach.</summary>
    private sealed class CrashableMembershipTable(IMembershipTable inner, CrashSwitch crash) : IMembershipTable
    {
        public Task InitializeMembershipTable(bool tryInitTableVersion) =>
            InitializeMembershipTableAsync(tryInitTableVersion, CancellationToken.None);

        public Task InitializeMembershipTableAsync(bool tryInitTableVersion, CancellationToken cancellationToken) =>
            inner.InitializeMembershipTableAsync(tryInitTableVersion, cancellationToken);

        public Task DeleteMembershipTableEntries(string clusterId) =>
            DeleteMembershipTableEntriesAsync(clusterId, CancellationToken.None);

        public Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken) =>
            crash.Crashed ? Task.FromException(crash.Unreachable()) : inner.DeleteMembershipTableEntriesAsync(clusterId, cancellationToken);

        public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) =>
            CleanupDefunctSiloEntriesAsync(beforeDate, CancellationToken.None);

        public Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken) =>
            crash.Crashed ? Task.FromException(crash.Unreachable()) : inner.CleanupDefunctSiloEntriesAsync(beforeDate, cancellationToken);

        public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadRowAsync(key, CancellationToken.None);

        public Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken) =>
            inner.ReadRowAsync(key, cancellationToken);

        public Task<MembershipTableData> ReadAll() => ReadAllAsync(CancellationToken.None);

        public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);

        public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) =>
            InsertRowAsync(entry, tableVersion, CancellationToken.None);

        public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken) =>
            crash.Crashed ? Task.FromException<bool>(crash.Unreachable()) : inner.InsertRowAsync(entry, tableVersion, cancellationToken);

        public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) =>
            UpdateRowAsync(entry, etag, tableVersion, CancellationToken.None);

        public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion tableVersion, CancellationToken cancellationToken) =>
            crash.Crashed ? Task.FromException<bool>(crash.Unreachable()) : inner.UpdateRowAsync(entry, etag, tableVersion, cancellationToken);

        public Task UpdateIAmAlive(MembershipEntry entry) => UpdateIAmAliveAsync(entry, CancellationToken.None);

        public Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken) =>
            crash.Crashed ? Task.FromException(crash.Unreachable()) : inner.UpdateIAmAliveAsync(entry, cancellationToken);
    }
}
