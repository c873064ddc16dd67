using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Logging.Console;

namespace Recents.Api.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// One console line per log entry, with its scopes (the correlation id), in UTC; and one line per request (method,
    /// path, status, duration) in the request's scope. No headers: they carry bearer tokens. No hosting scope or lines:
    /// ASP.NET Core's hosting diagnostics put the request path (which may name a user, <c>/admin/users/{userId}/data</c>)
    /// into every line's scope and its own request lines; the correlation id scope and the HTTP logging line, whose
    /// path is redacted there, take their place. The simple formatter's settings apply unless configuration chooses
    /// another formatter (<c>Logging:Console:FormatterName</c>, such as <c>json</c>, with its own <c>FormatterOptions</c>).
    /// </summary>
    public static WebApplicationBuilder AddRecentsLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        // Not AddSimpleConsole: it sets FormatterName after configuration is bound, so configuration could not choose json.
        builder.Logging.AddConsole();
        builder.Services.Configure<SimpleConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = true;
            options.SingleLine = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            options.UseUtcTimestamp = true;
        });
        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        return builder;
    }
}
