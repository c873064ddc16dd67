using System.Net;
using System.Text.Json;

namespace Recents.Api.Tests.Infrastructure;

/// <summary>Assertions on responses: the error envelope (docs/api.md#error-envelope), JSON bodies and headers.</summary>
public static class ApiAssert
{
    public const string Json = "application/json";
    public const string ITwinPlatformV2 = "application/vnd.bentley.itwin-platform.v2+json";

    /// <summary>
    /// The response has <paramref name="status"/>, <c>Content-Type: application/json</c> and the body
    /// <c>{"error": {"code", "message", "target", "details"?}}</c>; returns the <c>error</c> object.
    /// </summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal(Json, response.Content.Headers.ContentType?.MediaType);

        using var document = ParseJson(body);
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal(["error"], root.EnumerateObject().Select(property => property.Name));

        var error = root.GetProperty("error");
        Assert.Equal(JsonValueKind.Object, error.ValueKind);
        var errorCode = error.GetProperty("code");
        Assert.Equal(JsonValueKind.String, errorCode.ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(errorCode.GetString()), "error.code is empty.");
        var message = error.GetProperty("message");
        Assert.Equal(JsonValueKind.String, message.ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(message.GetString()), "error.message is empty.");
        Assert.True(error.TryGetProperty("target", out var target), "error.target is missing.");
        Assert.Contains(target.ValueKind, new[] { JsonValueKind.Null, JsonValueKind.String });
        if (error.TryGetProperty("details", out var details))
        {
            Assert.Equal(JsonValueKind.Array, details.ValueKind);
        }

        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        if (code is not null)
        {
            Assert.Equal(code, errorCode.GetString());
        }

        return error.Clone();
    }

    /// <summary>The 401 (docs/api.md#authentication): <c>HeaderNotFound</c> without a header, <c>Unauthorized</c> otherwise, and the challenge.</summary>
    public static async Task<JsonElement> UnauthorizedAsync(HttpResponseMessage response, bool credentialsSent)
    {
        var error = await ErrorAsync(response, HttpStatusCode.Unauthorized, credentialsSent ? "Unauthorized" : "HeaderNotFound");
        var challenge = Assert.Single(response.Headers.GetValues("WWW-Authenticate"));
        Assert.Equal(credentialsSent ? "Bearer error=\"invalid_token\"" : "Bearer", challenge);
        return error;
    }

    public static string Target(this JsonElement errorOrDetail) =>
        errorOrDetail.GetProperty("target").GetString() ?? throw new InvalidOperationException("target is null.");

    public static IReadOnlyList<JsonElement> Details(this JsonElement error)
    {
        Assert.True(error.TryGetProperty("details", out var details), $"error.details is missing: {error}");
        Assert.Equal(JsonValueKind.Array, details.ValueKind);
        var list = details.EnumerateArray().ToList();
        foreach (var detail in list)
        {
            Assert.Equal(JsonValueKind.String, detail.GetProperty("code").ValueKind);
            Assert.Equal(JsonValueKind.String, detail.GetProperty("message").ValueKind);
            Assert.True(detail.TryGetProperty("target", out _), $"A detail has no target: {detail}");
        }

        return list;
    }

    /// <summary>The error has a detail with <paramref name="code"/> and <paramref name="target"/>.</summary>
    public static void HasDetail(JsonElement error, string code, string target)
    {
        var details = error.Details();
        Assert.True(
            details.Any(detail => detail.GetProperty("code").GetString() == code && detail.GetProperty("target").GetString() == target),
            $"Expected a detail {code} with target '{target}' in {error}");
    }

    /// <summary>The error has a detail whose target names <paramref name="field"/> (e.g. <c>name</c> or <c>$.name</c>).</summary>
    public static void HasDetailNaming(JsonElement error, string field)
    {
        var details = error.Details();
        Assert.True(
            details.Any(detail => NamesField(detail.GetProperty("target").GetString(), field)),
            $"Expected a detail naming '{field}' in {error}");
    }

    /// <summary>A 2xx (or the given status) with a JSON body; returns the parsed body.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {status} but got {(int)response.StatusCode}: {body}");
        using var document = ParseJson(body);
        return document.RootElement.Clone();
    }

    public static async Task NoContentAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(HttpStatusCode.NoContent == response.StatusCode, $"Expected 204 but got {(int)response.StatusCode}: {body}");
        Assert.Equal("", body);
    }

    public static IReadOnlyList<string> PropertyNames(this JsonElement element) =>
        element.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal).ToList();

    private static bool NamesField(string? target, string field) =>
        target is not null
        && (target == field || target == "$." + field || target.EndsWith("." + field, StringComparison.Ordinal)
            || target.StartsWith(field + "[", StringComparison.Ordinal) || target.StartsWith("$." + field + "[", StringComparison.Ordinal));

    private static JsonDocument ParseJson(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            throw new Xunit.Sdk.XunitException($"The body is not JSON ({exception.Message}): {body}");
        }
    }
}
