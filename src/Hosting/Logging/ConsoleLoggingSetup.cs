using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Recents.Hosting.Logging;

public static class ConsoleLoggingSetup
{
    /// <summary>
    /// The console log of both hosts: one line per entry, with its scopes (the trace and span ids, and in the API the
    /// correlation id), in UTC. These are the simple formatter's settings, which apply unless configuration chooses
    /// another formatter (<c>Logging:Console:FormatterName</c>, such as <c>json</c>, with its own <c>FormatterOptions</c>).
    /// </summary>
    public static ILoggingBuilder AddRecentsConsole(this ILoggingBuilder logging)
    {
        // Not AddSimpleConsole: it sets FormatterName after configuration is bound, so configuration could not choose json.
        logging.AddConsole();
        logging.Services.Configure<SimpleConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = true;
            options.SingleLine = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            options.UseUtcTimestamp = true;
        });
        return logging;
    }
}
