using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Recents.Api.Errors;

/// <summary>
/// Last line for exceptions: a cluster or storage outage becomes 503 with Retry-After, anything else a
/// 500; both in the envelope, neither with details of the exception.
/// </summary>
public sealed class ApiExceptionHandler(IOptions<UnavailabilityOptions> options, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            logger.LogInformation("The client aborted {Method} {Path}.", httpContext.Request.Method, httpContext.Request.Path);
            return true;
        }

        if (exception is BadHttpRequestException badRequest)
        {
            logger.LogInformation("Rejected a malformed request: {Reason}", badRequest.Message);
            await ErrorResult.WriteAsync(httpContext.Response, badRequest.StatusCode, ApiErrors.ForStatus(badRequest.StatusCode));
            return true;
        }

        if (DependencyFailures.IsUnavailability(exception))
        {
            // One line per request during an outage; the stack trace would add nothing but volume.
            logger.LogWarning("The grain cluster or storage could not serve {Method} {Path}; answering 503. {ExceptionType}: {Reason}",
                httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, exception.Message);
            httpContext.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ErrorResult.WriteAsync(httpContext.Response, StatusCodes.Status503ServiceUnavailable, ApiErrors.ServiceUnavailable);
            return true;
        }

        logger.LogError(exception, "Unhandled failure in {Method} {Path}.", httpContext.Request.Method, httpContext.Request.Path);
        await ErrorResult.WriteAsync(httpContext.Response, StatusCodes.Status500InternalServerError, ApiErrors.InternalServerError);
        return true;
    }
}
