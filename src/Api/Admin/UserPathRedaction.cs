namespace Recents.Api.Admin;

/// <summary>
/// A path under <c>/admin/users</c> names a user; wherever the path is recorded (the request log line, the request's
/// span), it is recorded as <c>/admin/users/{userId}/data</c>, or <c>/admin/users/{userId}</c> for any other path there.
/// </summary>
/// <remarks>
/// The logging middleware and the span's start run before routing, so the path is matched here rather than by
/// endpoint metadata; every path under the prefix is redacted, also those that match no route.
/// </remarks>
public static class UserPathRedaction
{
    public const string RedactedDataPath = UserDataEndpoints.UsersPath + "/{userId}/data";

    public const string RedactedPath = UserDataEndpoints.UsersPath + "/{userId}";

    /// <summary>The path to record in place of <paramref name="path"/>, or null when it names no user.</summary>
    public static string? Of(PathString path)
    {
        if (!path.StartsWithSegments(UserDataEndpoints.UsersPath, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            return null;
        }

        var isData = rest.Value is { } value && value.EndsWith("/data", StringComparison.OrdinalIgnoreCase);
        return isData ? RedactedDataPath : RedactedPath;
    }
}
