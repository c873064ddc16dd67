namespace Recents.Api.Errors;

/// <summary>Every error this API answers with, so codes and messages stay identical everywhere.</summary>
public static class ApiErrors
{
    public static readonly ApiError HeaderNotFound =
        new("HeaderNotFound", "Header Authorization was not found in the request. Access denied.");

    public static readonly ApiError IModelNotFound = new("iModelNotFound", "Requested iModel is not available.");

    public static readonly ApiError ITwinNotFound = new("iTwinNotFound", "Requested iTwin is not available.");

    public static readonly ApiError OrganizationNotFound =
        new("OrganizationNotFound", "Requested organization is not available.");

    public static readonly ApiError UserNotFound = new("UserNotFound", "Requested user is not available.");

    public static readonly ApiError RouteNotFound = new("NotFound", "The requested resource does not exist.");

    public static readonly ApiError MethodNotAllowed =
        new("MethodNotAllowed", "The requested resource does not support this HTTP method.");

    public static readonly ApiError NotAcceptable = new(
        "InvalidHeaderValue",
        "The Accept header names no media type this API produces: use application/vnd.bentley.itwin-platform.v2+json or application/json.",
        "Accept");

    public static readonly ApiError RateLimitExceeded = new(
        "RateLimitExceeded", "The client sent more requests than allowed by this API for the current tier of the client.");

    public static readonly ApiError ServiceUnavailable = new(
        "ServiceUnavailable", "The service is temporarily unavailable. Retry after the time given in Retry-After.");

    public static readonly ApiError InternalServerError =
        new("InternalServerError", "The server failed to process the request.");

    public static ApiError Unauthorized(string reason) => new("Unauthorized", $"The access token is invalid: {reason}");

    public static ApiError FavoritesLimitReached(int capacity) => new(
        "FavoritesLimitReached",
        $"The caller already has {capacity} favorite iModels, the most one user may hold: remove one before adding another.");

    public static ApiError InvalidFavoritesRequest(IReadOnlyList<ApiErrorDetail> details) =>
        new("InvalidiModelsRequest", "Cannot list favorite iModels: the request has invalid parameters.", Details: details);

    public static ApiError InvalidIModelsRequest(IReadOnlyList<ApiErrorDetail> details) =>
        new("InvalidiModelsRequest", "Cannot list recent iModels: the request has invalid parameters.", Details: details);

    public static ApiError InvalidRequestBody(IReadOnlyList<ApiErrorDetail> details) =>
        new("InvalidRequestBody", "The request body is invalid.", Details: details);

    public static ApiError ForStatus(int statusCode) => statusCode switch
    {
        StatusCodes.Status404NotFound => RouteNotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status406NotAcceptable => NotAcceptable,
        StatusCodes.Status413PayloadTooLarge => new ApiError("RequestTooLarge", "The request body is too large."),
        StatusCodes.Status414UriTooLong => new ApiError("RequestUriTooLong", "The request URI is too long."),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => new ApiError("RequestHeadersTooLarge", "The request headers are too large or too many."),
        StatusCodes.Status503ServiceUnavailable => ServiceUnavailable,
        >= 500 => InternalServerError,
        _ => new ApiError("InvalidRequest", "The request could not be processed."),
    };
}
