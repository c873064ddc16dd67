using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Recents.Api.Authentication;

public static class IdentityProvider
{
    /// <summary>
    /// Whether a token failed validation because the OIDC authority's metadata (its signing keys) cannot be
    /// fetched rather than because of the token. Asked only when a token was refused; without an authority
    /// (development signing keys) it is never the reason.
    /// </summary>
    public static async Task<bool> IsUnreachableAsync(JwtBearerOptions options, CancellationToken cancellationToken)
    {
        if (options.ConfigurationManager is not { } configurationManager)
        {
            return false;
        }

        try
        {
            await configurationManager.GetConfigurationAsync(cancellationToken);
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return true;
        }
    }
}
