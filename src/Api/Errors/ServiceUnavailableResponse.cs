using System.Globalization;
using Microsoft.Extensions.Options;

namespace Recents.Api.Errors;

public static class ServiceUnavailableResponse
{
    /// <summary>503 ServiceUnavailable in the envelope, with the configured Retry-After (docs/api.md#common-rules).</summary>
    public static Task WriteAsync(HttpContext context)
    {
        var retryAfter = context.RequestServices.GetRequiredService<IOptions<UnavailabilityOptions>>().Value.RetryAfterSeconds;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return ErrorResult.WriteAsync(context.Response, StatusCodes.Status503ServiceUnavailable, ApiErrors.ServiceUnavailable);
    }
}
