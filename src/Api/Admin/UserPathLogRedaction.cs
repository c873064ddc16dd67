using Microsoft.AspNetCore.HttpLogging;

namespace Recents.Api.Admin;

/// <summary>Keeps user ids out of the request log line (<see cref="UserPathRedaction"/>).</summary>
public sealed class UserPathLogRedaction : IHttpLoggingInterceptor
{
    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
    {
        if (UserPathRedaction.Of(logContext.HttpContext.Request.Path) is { } redacted && logContext.TryDisable(HttpLoggingFields.RequestPath))
        {
            logContext.AddParameter(nameof(HttpRequest.Path), redacted);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext) => ValueTask.CompletedTask;
}
