using Microsoft.AspNetCore.HttpLogging;

namespace Recents.Api.Admin;

/// <summary>
/// Keeps user ids out of the request log line: a path under <c>/admin/users</c> names a user, so the line carries
/// <c>/admin/users/{userId}/data</c> (or <c>/admin/users/{userId}</c> for any other path there) instead of the path.
/// The request's span records the same in its <c>url.path</c> (<see cref="Telemetry.ApiTelemetrySetup"/>).
/// </summary>
/// <remarks>
/// The logging middleware runs before routing, so the path is matched here rather than by endpoint metadata; every
/// path under the prefix is redacted, also those that match no route.
/// </remarks>
public sealed class UserPathLogRedaction : IHttpLoggingInterceptor
{
    public const string RedactedDataPath = UserDataEndpoints.UsersPath + "/{userId}/data";

    public const string RedactedPath = UserDataEndpoints.UsersPath + "/{userId}";

    /// <summary>The path to record in place of <paramref name="path"/>, or null when it names no user.</summary>
    public static string? RedactedPathOf(PathString path)
    {
        if (!path.StartsWithSegments(UserDataEndpoints.UsersPath, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            return null;
        }

        return rest.Value is { } value && value.EndsWith("/data", StringComparison.OrdinalIgnoreCase) ? RedactedDataPath : RedactedPath;
    }

    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
    {
        if (RedactedPathOf(logContext.HttpContext.Request.Path) is { } redacted && logContext.TryDisable(HttpLoggingFields.RequestPath))
        {
            logContext.AddParameter(nameof(HttpRequest.Path), redacted);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext) => ValueTask.CompletedTask;
}
