using System.Globalization;
using Microsoft.Extensions.Options;

namespace Recents.Api.Errors;

/// <summary>503 ServiceUnavailable in the envelope, with the configured Retry-After (docs/api.md#unavailability).</summary>
public sealed class ServiceUnavailableResponse(IOptions<UnavailabilityOptions> options)
{
    private readonly string retryAfterSeconds = options.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);

    public Task WriteAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds;
        return ErrorResult.WriteAsync(context.Response, StatusCodes.Status503ServiceUnavailable, ApiErrors.ServiceUnavailable);
    }
}
