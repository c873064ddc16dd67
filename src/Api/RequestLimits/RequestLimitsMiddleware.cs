using Microsoft.AspNetCore.Http.Extensions;
using Recents.Api.Errors;

namespace Recents.Api.RequestLimits;

/// <summary>Refuses requests over <see cref="RequestSizeLimits"/> with 413, 414 or 431 in the error envelope.</summary>
public sealed class RequestLimitsMiddleware(RequestDelegate next, ILogger<RequestLimitsMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.GetEncodedPathAndQuery().Length > RequestSizeLimits.MaxRequestTargetLength)
        {
            return RefuseAsync(context, StatusCodes.Status414UriTooLong, "request target");
        }

        // Refused before anything acts on the request: an endpoint that ignores its body (POST /imodels/recents)
        // would otherwise change the list and then have Kestrel cut the connection mid-upload.
        if (request.ContentLength > RequestSizeLimits.MaxBodySize)
        {
            return RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "body");
        }

        var headerCount = 0;
        long headersSize = 0;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                headerCount++;
                headersSize += name.Length + (value?.Length ?? 0) + 4; // "name: value\r\n"
            }
        }

        return headerCount > RequestSizeLimits.MaxHeaderCount || headersSize > RequestSizeLimits.MaxHeadersTotalSize
            ? RefuseAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "headers")
            : next(context);
    }

    private Task RefuseAsync(HttpContext context, int statusCode, string what)
    {
        logger.LogInformation("Refused a request whose {What} exceed the limits ({StatusCode}).", what, statusCode);
        return ErrorResult.WriteAsync(context.Response, statusCode, ApiErrors.ForStatus(statusCode));
    }
}
