using Microsoft.AspNetCore.HttpLogging;
using Recents.Hosting.Logging;

namespace Recents.Api.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// The console log of both hosts (<see cref="ConsoleLoggingSetup.AddRecentsConsole"/>); and one line per request (method,
    /// path, status, duration) in the request's scope. No headers: they carry bearer tokens. No hosting scope or lines:
    /// ASP.NET Core's hosting diagnostics put the request path (which may name a user, <c>/admin/users/{userId}/data</c>)
    /// into every line's scope and its own request lines; the correlation id scope and the HTTP logging line, whose
    /// path is redacted there, take their place.
    /// </summary>
    public static WebApplicationBuilder AddRecentsLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Logging.AddRecentsConsole();
        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        return builder;
    }
}
