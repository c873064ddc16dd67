using Microsoft.Extensions.Logging.Console;

namespace Recents.Silo.Logging;

public static class SiloLoggingSetup
{
    /// <summary>
    /// One console line per log entry, with its scopes, in UTC. The simple formatter's settings apply unless
    /// configuration chooses another formatter (<c>Logging:Console:FormatterName</c>, such as <c>json</c>, with its own
    /// <c>FormatterOptions</c>).
    /// </summary>
    public static IHostApplicationBuilder AddSiloLogging(this IHostApplicationBuilder builder)
    {
        // Not AddSimpleConsole: it sets FormatterName after configuration is bound, so configuration could not choose json.
        builder.Logging.AddConsole();
        builder.Services.Configure<SimpleConsoleFormatterOptions>(options =>
        {
            options.SingleLine = true;
            options.IncludeScopes = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            options.UseUtcTimestamp = true;
        });
        return builder;
    }
}
