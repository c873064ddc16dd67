using Microsoft.Net.Http.Headers;

namespace Recents.Bench.Alternative.Errors;

public static class Unauthorized
{
    /// <summary>401 with <c>WWW-Authenticate: Bearer</c> (and <c>error="invalid_token"</c> when a token was sent).</summary>
    public static Task WriteAsync(HttpContext context)
    {
        var sentToken = context.Request.Headers.ContainsKey(HeaderNames.Authorization);
        context.Response.Headers.WWWAuthenticate = sentToken ? "Bearer error=\"invalid_token\"" : "Bearer";
        return sentToken
            ? ErrorBody.WriteAsync(context.Response, StatusCodes.Status401Unauthorized, "Unauthorized",
                "The access token is invalid: wrong issuer or audience, expired, corrupt, or without the needed scope.")
            : ErrorBody.WriteAsync(context.Response, StatusCodes.Status401Unauthorized, "HeaderNotFound",
                "Header Authorization was not found in the request. Access denied.");
    }
}
