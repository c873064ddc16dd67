using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Recents.Bench.Alternative.Tests.Infrastructure;

/// <summary>The real service (its Program.cs) on Kestrel, configured through the same keys as in a deployment.</summary>
public sealed class AlternativeFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    /// <summary>Starts the service on a free loopback port; tables are created and the seed file loaded before it returns.</summary>
    public static AlternativeFactory Start(IReadOnlyDictionary<string, string> settings)
    {
        var factory = new AlternativeFactory(settings);
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.ClearProviders());
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
