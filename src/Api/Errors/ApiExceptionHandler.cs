using Microsoft.AspNetCore.Diagnostics;

namespace Recents.Api.Errors;

/// <summary>
/// Last line for exceptions: a cluster or storage outage becomes 503 with Retry-After, anything else a
/// 500; both in the envelope, neither with details of the exception.
/// </summary>
public sealed class ApiExceptionHandler(ServiceUnavailableResponse serviceUnavailable, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            logger.LogInformation("The client aborted {Method} {Path}.", httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.StatusCode = 499; // logged as "client closed request", not as a 200
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
            await serviceUnavailable.WriteAsync(httpContext);
            return true;
        }

        logger.LogError(exception, "Unhandled failure in {Method} {Path}.", httpContext.Request.Method, httpContext.Request.Path);
        await ErrorResult.WriteAsync(httpContext.Response, StatusCodes.Status500InternalServerError, ApiErrors.InternalServerError);
        return true;
    }
}
