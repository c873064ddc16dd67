using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Recents.Bench.Tools;

/// <summary>
/// <c>silo-state --connection CS --service-id S --cluster-id C</c>: runs a full garbage collection in every silo of the
/// cluster (so that resident memory read next reflects live objects), then prints how many grain activations the
/// cluster holds.
/// </summary>
internal static class SiloStateCommand
{
    public static async Task<int> RunAsync(Arguments args)
    {
        using var host = ActivateCommand.ClientHost(args.Text("connection"), args.Text("service-id"), args.Text("cluster-id"));
        await host.StartAsync();
        var management = host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        var silos = (await management.GetHosts(onlyActive: true)).Keys.ToArray();
        await management.ForceGarbageCollection(silos);
        Console.WriteLine(JsonSerializer.Serialize(new { activations = await management.GetTotalActivationCount() }));
        await host.StopAsync();
        return 0;
    }
}
