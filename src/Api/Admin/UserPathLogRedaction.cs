using Microsoft.AspNetCore.HttpLogging;

namespace Recents.Api.Admin;

/// <summary>
/// Keeps user ids out of the request log line: a path under <c>/admin/users</c> names a user, so the line carries
/// <c>/admin/users/{userId}/data</c> (or <c>/admin/users/{userId}</c> for any other path there) instead of the path.
/// </summary>
/// <remarks>
/// The logging middleware runs before routing, so the path is matched here rather than by endpoint metadata; every
/// path under the prefix is redacted, also those that match no route.
/// </remarks>
public sealed class UserPathLogRedaction : IHttpLoggingInterceptor
{
    public const string RedactedDataPath = UserDataEndpoints.UsersPath + "/{userId}/data";

    public const string RedactedPath = UserDataEndpoints.UsersPath + "/{userId}";

    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
    {
        var path = logContext.HttpContext.Request.Path;
        if (path.StartsWithSegments(UserDataEndpoints.UsersPath, StringComparison.OrdinalIgnoreCase, out var rest)
            && logContext.TryDisable(HttpLoggingFields.RequestPath))
        {
            var isData = rest.Value is { } value && value.EndsWith("/data", StringComparison.OrdinalIgnoreCase);
            logContext.AddParameter(nameof(HttpRequest.Path), isData ? RedactedDataPath : RedactedPath);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext) => ValueTask.CompletedTask;
}
