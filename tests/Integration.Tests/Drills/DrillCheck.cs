using System.Globalization;
using Xunit.Abstractions;

namespace Recents.Integration.Tests.Drills;

/// <summary>How every drill ends: what it promises whatever it broke.</summary>
internal static class DrillCheck
{
    /// <summary>
    /// Stops the load, checks every user's list through <paramref name="listApi"/>, reports the figures, and asserts
    /// what every drill promises: no acknowledged add lost, no 500, no hang, load over 1,000 users.
    /// </summary>
    public static async Task<LoadFigures> FinishAsync(
        ITestOutputHelper output, DrillWorld world, AddLoad load, Uri listApi, string drill,
        Func<IReadOnlyList<Attempt>, string> drillFigures, bool allowConnectionFailures = false)
    {
        await load.UntilEveryUserHasAnAddAsync(TimeSpan.FromSeconds(30));
        var duration = await load.StopAsync();
        var attempts = load.Attempts;
        var figures = LoadFigures.From(attempts, load.Adds, duration);
        var check = await ListCheck.RunAsync(world, load.Adds, listApi);
        DrillReport.Write(output, drill, string.Create(CultureInfo.InvariantCulture,
            $"{figures}; {drillFigures(attempts)}; {check.UsersChecked} lists checked, {check.Mismatches.Count} differ from the acknowledged adds"));

        Assert.True(figures.Unexpected == 0 && (allowConnectionFailures || figures.ConnectionBroken == 0),
            string.Join('\n', figures.UnexpectedSamples));
        Assert.True(check.Mismatches.Count == 0, string.Join('\n', check.Mismatches.Take(5)));
        Assert.Equal(0, figures.TimedOut);
        Assert.Equal(0, load.Adds.UncertainUsers);
        Assert.True(figures.UsersWithAdds >= DrillWorld.UserCount, $"only {figures.UsersWithAdds} users got adds");
        return figures;
    }
}
