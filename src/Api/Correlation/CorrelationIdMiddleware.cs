using System.Diagnostics;

namespace Recents.Api.Correlation;

/// <summary>
/// Echoes the caller's <c>X-Correlation-Id</c> on the response, and puts it in the logging scope of every log line of the
/// request. When the caller sent none (or an unusable one), the id is the request's trace id, so the two are one; a
/// caller's own id is also put on the request's span (<see cref="SpanTag"/>), so either finds the other.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";
    public const string SpanTag = "recents.correlation_id";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var sent = context.Request.Headers[HeaderName].ToString();
        var request = Activity.Current;
        string correlationId;
        if (IsUsable(sent))
        {
            correlationId = sent;
            request?.SetTag(SpanTag, sent);
        }
        else
        {
            correlationId = request?.TraceId.ToHexString() ?? Guid.NewGuid().ToString();
        }

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
