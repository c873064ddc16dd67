using Azure;
using Recents.Bench.Alternative.RecentIModels;

namespace Recents.Bench.Alternative.Errors;

/// <summary>
/// Storage that fails (after the SDK's own retries) or a list that stays contended past the retry budget: 503 with
/// <c>Retry-After</c>, never a 500, as the Orleans service answers a dependency outage.
/// </summary>
public sealed class StorageFailureMiddleware(RequestDelegate next, ILogger<StorageFailureMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && IsDependencyFailure(exception, context))
        {
            logger.LogWarning("{Method} {Path}: 503 after {Failure}", context.Request.Method, context.Request.Path, exception.GetType().Name);
            context.Response.Clear();
            context.Response.Headers.RetryAfter = "1";
            await ErrorBody.WriteAsync(context.Response, StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable",
                "The service is temporarily unavailable. Retry later.");
        }
    }

    /// <summary>
    /// Storage unreachable or failing (no answer, 408, 429, 5xx; after the SDK's retries an <see cref="AggregateException"/>
    /// of its attempts), or too contended. A 4xx of storage is this service's bug and stays a 500.
    /// </summary>
    private static bool IsDependencyFailure(Exception exception, HttpContext context) => exception switch
    {
        WriteConflictException or TimeoutException => true,
        RequestFailedException failure => failure.Status is 0 or 408 or 429 or >= 500,
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(inner => IsDependencyFailure(inner, context)),
        OperationCanceledException => !context.RequestAborted.IsCancellationRequested,
        _ => false,
    };
}
