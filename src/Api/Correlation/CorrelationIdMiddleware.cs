namespace Recents.Api.Correlation;

/// <summary>
/// Echoes the caller's <c>X-Correlation-Id</c> (or a new id when it is absent or unusable) on the
/// response, and puts it in the logging scope of every log line of the request.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var sent = context.Request.Headers[HeaderName].ToString();
        var correlationId = IsUsable(sent) ? sent : Guid.NewGuid().ToString();
        context.TraceIdentifier = correlationId;
        // Set as the response starts: an exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = correlationId;
            return Task.CompletedTask;
        });
        using (logger.BeginScope("CorrelationId:{CorrelationId}", correlationId))
        {
            await next(context);
        }
    }

    /// <summary>Only ids that are safe to echo into a header and a log line (one header value, no separators).</summary>
    private static bool IsUsable(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
