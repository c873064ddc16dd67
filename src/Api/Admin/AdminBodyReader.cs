using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Recents.Api.Errors;

namespace Recents.Api.Admin;

/// <summary>
/// Reads an admin body itself instead of through parameter binding, so malformed JSON becomes a 422 in
/// the envelope (naming where it broke) rather than a framework 400.
/// </summary>
public sealed class AdminBodyReader(IOptions<JsonOptions> jsonOptions)
{
    public async Task<(TBody? Body, ErrorResult? Error)> ReadAsync<TBody>(HttpRequest request)
        where TBody : class
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<TBody>(request.Body, jsonOptions.Value.SerializerOptions, request.HttpContext.RequestAborted);
            return body is null ? (null, Invalid("$", "The body must be a JSON object.")) : (body, null);
        }
        catch (JsonException exception)
        {
            return (null, Invalid(exception.Path ?? "$", "The body is not valid JSON for this resource."));
        }
    }

    /// <summary>Turns a body into its directory entry, or into the 422 that names every bad field.</summary>
    public static (TDetails? Details, ErrorResult? Error) Validate<TDetails>(Func<BodyErrors, TDetails?> toDetails)
        where TDetails : class
    {
        var errors = new BodyErrors();
        var details = toDetails(errors);
        return details is null
            ? (null, ErrorResult.UnprocessableEntity(ApiErrors.InvalidRequestBody(errors.Details)))
            : (details, null);
    }

    private static ErrorResult Invalid(string target, string message) =>
        ErrorResult.UnprocessableEntity(ApiErrors.InvalidRequestBody([new ApiErrorDetail("InvalidValue", message, target)]));
}
