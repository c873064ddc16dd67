using System.Net.Http.Headers;
using System.Text;

namespace Recents.Api.Tests.Infrastructure;

/// <summary>Sends requests to the API under test, attaching a bearer token and any extra headers or body.</summary>
public sealed class ApiClient(HttpClient http)
{
    public Uri BaseAddress => http.BaseAddress ?? throw new InvalidOperationException("The test client has no base address.");

    public Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string pathAndQuery, string? bearerToken = null, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(method, pathAndQuery);
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        configure?.Invoke(request);
        return SendAndDisposeRequestAsync(request);
    }

    /// <summary>Sends a raw <c>Authorization</c> header value, unvalidated (for malformed schemes such as <c>Basic xyz</c>).</summary>
    public Task<HttpResponseMessage> SendWithAuthorizationAsync(
        HttpMethod method, string pathAndQuery, string authorization, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(method, pathAndQuery, bearerToken: null, request =>
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            configure?.Invoke(request);
        });

    public static Action<HttpRequestMessage> Header(string name, string value) =>
        request => request.Headers.TryAddWithoutValidation(name, value);

    public static Action<HttpRequestMessage> Accept(string value) => Header("Accept", value);

    public static Action<HttpRequestMessage> Body(string content, string mediaType) =>
        request => request.Content = new StringContent(content, Encoding.UTF8, mediaType);

    public static Action<HttpRequestMessage> JsonBody(string json) => Body(json, "application/json");

    private async Task<HttpResponseMessage> SendAndDisposeRequestAsync(HttpRequestMessage request)
    {
        using (request)
        {
            return await http.SendAsync(request);
        }
    }
}
