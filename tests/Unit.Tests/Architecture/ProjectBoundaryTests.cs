using Recents.Gatekeeper;
using Recents.Grains.PlatformDirectory;
using Recents.Hosting;

namespace Recents.Unit.Tests.Architecture;

/// <summary>
/// What each product assembly may reach (docs/design.md#projects): the API only the contracts, so that a user's list
/// is reachable only through the gatekeeper; the contracts nothing of the service's own.
/// </summary>
public sealed class ProjectBoundaryTests
{
    [Fact]
    public void Api_ReferencesNeitherTheGrainsNorTheSilo()
    {
        var references = ReferencedRecentsAssemblies(typeof(Program).Assembly);

        Assert.Equal(["Recents.Grains.Interfaces", "Recents.Hosting"], references);
    }

    [Fact]
    public void Contracts_ReferenceNoOtherAssemblyOfTheService()
    {
        Assert.Empty(ReferencedRecentsAssemblies(typeof(IRecentsGatekeeperGrain).Assembly));
    }

    [Fact]
    public void Hosting_ReferencesNoOtherAssemblyOfTheService()
    {
        Assert.Empty(ReferencedRecentsAssemblies(typeof(ClusterConnectionOptions).Assembly));
    }

    [Fact]
    public void ViewRule_IsDefinedOnlyInTheGrainsAssembly()
    {
        var product = new[] { typeof(Program).Assembly, typeof(IRecentsGatekeeperGrain).Assembly, typeof(ClusterConnectionOptions).Assembly, typeof(Recents.Silo.SiloSetup).Assembly };

        Assert.Equal("Recents.Grains", typeof(ViewAccess).Assembly.GetName().Name);
        Assert.DoesNotContain(product.SelectMany(assembly => assembly.GetTypes()), type => type.Name == nameof(ViewAccess));
    }

    private static List<string> ReferencedRecentsAssemblies(System.Reflection.Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name.StartsWith("Recents.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
}
