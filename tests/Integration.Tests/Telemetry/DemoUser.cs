using System.Net.Http.Headers;
using System.Text.Json;

namespace Recents.Integration.Tests.Telemetry;

/// <summary>The demo user that <c>./run.sh</c> seeds and mints a token for, and the iTwin and iModels it may view.</summary>
internal static class DemoUser
{
    public const string ITwin = "5a1ce3f0-0000-4000-8000-000000000001";

    public static readonly string[] IModels =
        ["1e0de100-0000-4000-8000-000000000001", "1e0de100-0000-4000-8000-000000000002", "1e0de100-0000-4000-8000-000000000003"];

    /// <summary>An iModel the directory does not know: adding it is answered 404 <c>iModelNotFound</c>.</summary>
    public const string UnknownIModel = "0badc0de-0000-4000-8000-000000000404";

    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, Uri uri, string? token, string? host = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return await http.SendAsync(request);
    }

    /// <summary>The <c>error.code</c> of an enveloped error answer.</summary>
    public static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetProperty("code").GetString();
    }
}
