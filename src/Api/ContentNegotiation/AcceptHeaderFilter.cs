using Recents.Api.Errors;

namespace Recents.Api.ContentNegotiation;

/// <summary>
/// Answers 406 before any work when <c>Accept</c> names nothing this API produces, and records the
/// negotiated media type for the endpoint. Runs after authentication, as docs/api.md orders.
/// </summary>
public sealed class AcceptHeaderFilter : IEndpointFilter
{
    private const string NegotiatedMediaTypeKey = "Recents.NegotiatedMediaType";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var httpContext = context.HttpContext;
        var mediaType = MediaTypes.Negotiate(httpContext.Request.Headers.Accept);
        if (mediaType is null)
        {
            return ValueTask.FromResult<object?>(new ErrorResult(StatusCodes.Status406NotAcceptable, ApiErrors.NotAcceptable));
        }

        httpContext.Items[NegotiatedMediaTypeKey] = mediaType;
        return next(context);
    }

    public static string NegotiatedMediaType(HttpContext httpContext) =>
        httpContext.Items[NegotiatedMediaTypeKey] as string ?? MediaTypes.ITwinPlatformV2;
}
