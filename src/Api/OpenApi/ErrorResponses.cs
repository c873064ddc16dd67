using Microsoft.AspNetCore.Mvc;
using Recents.Api.ContentNegotiation;
using Recents.Api.Errors;

namespace Recents.Api.OpenApi;

/// <summary>
/// Declares, as endpoint metadata, the error statuses an endpoint answers: each in the envelope
/// (<see cref="ErrorEnvelope"/>), as <c>application/json</c> (docs/api.md#error-envelope), with a description. The
/// attribute form, because only its description reaches the document.
/// </summary>
public static class ErrorResponses
{
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var statusCode in statusCodes)
        {
            builder.ProducesError(statusCode);
        }

        return builder;
    }

    /// <summary>One error status; without a description, the usual one for that status in this API.</summary>
    public static TBuilder ProducesError<TBuilder>(this TBuilder builder, int statusCode, string? description = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesResponseTypeAttribute<ErrorEnvelope>(statusCode, MediaTypes.Json)
        {
            Description = description ?? DefaultDescription(statusCode),
        });

    private static string DefaultDescription(int statusCode) => statusCode switch
    {
        StatusCodes.Status401Unauthorized =>
            "`HeaderNotFound` when there is no Authorization header; `Unauthorized` when it is not `Bearer <token>`, or the "
            + "token is invalid, expired, for another issuer or audience, or lacks the scope this operation needs.",
        StatusCodes.Status404NotFound => "The resource does not exist or is not visible to the caller.",
        StatusCodes.Status406NotAcceptable =>
            "`InvalidHeaderValue`, target `Accept`: Accept names no media type this API produces "
            + "(application/vnd.bentley.itwin-platform.v2+json or application/json).",
        StatusCodes.Status413PayloadTooLarge => "`RequestTooLarge`: the body is larger than 1 MiB.",
        StatusCodes.Status422UnprocessableEntity => "The request is invalid; `details` names each offending part.",
        StatusCodes.Status429TooManyRequests =>
            "`RateLimitExceeded`: the client application sent more requests than its tier allows. "
            + "Retry-After gives the whole number of seconds after which a request will be admitted.",
        StatusCodes.Status503ServiceUnavailable =>
            "`ServiceUnavailable`: the grain cluster, its storage or the identity provider cannot serve the request now. "
            + "Retry after the number of seconds in Retry-After.",
        _ => "An error, in the error envelope.",
    };
}
