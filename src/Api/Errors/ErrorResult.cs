using System.Text.Encodings.Web;
using System.Text.Json;
using Recents.Api.Telemetry;

namespace Recents.Api.Errors;

/// <summary>A typed result that writes <see cref="ApiError"/> in the envelope, always as <c>application/json</c>.</summary>
public sealed class ErrorResult(int statusCode, ApiError error) : IResult, IStatusCodeHttpResult
{
    // Messages are this API's own text, so quotes in them are written as quotes rather than \u0027.
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public int StatusCode => statusCode;

    int? IStatusCodeHttpResult.StatusCode => statusCode;

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext.Response, statusCode, error);

    public static Task WriteAsync(HttpResponse response, int statusCode, ApiError error)
    {
        response.StatusCode = statusCode;
        ErrorCodeTag.Add(response.HttpContext, error.Code);
        return response.WriteAsJsonAsync(new ErrorEnvelope(error), SerializerOptions, "application/json");
    }

    public static ErrorResult NotFound(ApiError error) => new(StatusCodes.Status404NotFound, error);

    public static ErrorResult UnprocessableEntity(ApiError error) => new(StatusCodes.Status422UnprocessableEntity, error);
}
