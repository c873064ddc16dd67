using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Recents.Api.RequestLimits;

/// <summary>
/// The size limits the API enforces on requests. Kestrel refuses requests over its own limits before any
/// middleware runs, with a bare response; so Kestrel's limits are set to twice these, and
/// <see cref="RequestLimitsMiddleware"/> refuses what lies between in the error envelope.
/// </summary>
public static class RequestSizeLimits
{
    public const int MaxHeadersTotalSize = 32 * 1024;
    public const int MaxHeaderCount = 100;
    public const int MaxRequestTargetLength = 8 * 1024;
    public const long MaxBodySize = 1024 * 1024;

    public static void ApplyTo(KestrelServerLimits limits)
    {
        limits.MaxRequestHeadersTotalSize = 2 * MaxHeadersTotalSize;
        limits.MaxRequestHeaderCount = 2 * MaxHeaderCount;
        limits.MaxRequestLineSize = 2 * MaxRequestTargetLength;
        limits.MaxRequestBodySize = MaxBodySize;
    }
}
