namespace Recents.Api.RequestLimits;

/// <summary>
/// Reads (and discards) a request body the endpoint ignores before the endpoint acts. A body over the limit
/// without a declared length (chunked) then fails here with 413, and nothing is changed; without this, the
/// change would be applied and the connection cut while the client is still uploading.
/// </summary>
public sealed class ReadBodyFirstFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0))
        {
            await request.Body.CopyToAsync(Stream.Null, context.HttpContext.RequestAborted);
        }

        return await next(context);
    }
}
