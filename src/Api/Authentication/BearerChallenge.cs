using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;
using Recents.Api.Errors;

namespace Recents.Api.Authentication;

/// <summary>Writes every 401 of the API: the envelope (docs/api.md#error-envelope) and a <c>WWW-Authenticate: Bearer</c> header.</summary>
public static class BearerChallenge
{
    public const string MissingScopeReason = "it does not grant the scope this operation needs.";

    public static Task WriteAsync(HttpContext httpContext, string? failureReason)
    {
        var response = httpContext.Response;
        if (!httpContext.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            response.Headers.WWWAuthenticate = JwtBearerDefaults.AuthenticationScheme;
            return ErrorResult.WriteAsync(response, StatusCodes.Status401Unauthorized, ApiErrors.HeaderNotFound);
        }

        response.Headers.WWWAuthenticate = $"{JwtBearerDefaults.AuthenticationScheme} error=\"invalid_token\"";
        return ErrorResult.WriteAsync(
            response,
            StatusCodes.Status401Unauthorized,
            ApiErrors.Unauthorized(failureReason ?? "it is missing, malformed, or not a Bearer token."));
    }

    /// <summary>A reason a caller can act on, without echoing validation internals.</summary>
    public static string DescribeFailure(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "it has expired.",
        SecurityTokenNotYetValidException => "it is not valid yet.",
        SecurityTokenInvalidIssuerException => "it was issued by an untrusted issuer.",
        SecurityTokenInvalidAudienceException => "it was issued for another audience.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException
            => "its signature cannot be verified.",
        InvalidSubjectException => "its 'sub' claim is missing or not a valid user id.",
        null => "the Authorization header does not carry a Bearer token.",
        _ => "it is malformed or cannot be validated.",
    };
}
