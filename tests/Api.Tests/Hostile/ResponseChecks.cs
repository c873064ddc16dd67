using System.Globalization;
using System.Text.Json;

namespace Recents.Api.Tests.Hostile;

/// <summary>What every response of the corpus must satisfy (docs/api.md#common-rules, docs/api.md#operations), whatever the request.</summary>
public static class ResponseChecks
{
    public const string Json = "application/json";
    public const string V2 = "application/vnd.bentley.itwin-platform.v2+json";

    /// <summary>
    /// Checks <paramref name="response"/> against <paramref name="request"/>'s outcomes; returns the problems and the
    /// outcome it matched (null if none).
    /// </summary>
    public static (List<string> Problems, Outcome? Matched) Check(
        HostileRequest request, HttpResponseMessage response, string body, ListModel model, HostileWorld world)
    {
        var problems = new List<string>();
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            problems.Add($"a server error ({status})");
        }

        var bare = status == 400 && request.Outcomes.Any(outcome => outcome.Bare) && response.Content.Headers.ContentType is null && body.Length == 0;
        if (bare)
        {
            // Kestrel's own 400 for a request target it refuses while parsing (docs/api.md#limits): no envelope, no correlation id.
            return (problems, request.Outcomes.First(outcome => outcome.Bare));
        }

        if (!response.Headers.TryGetValues("X-Correlation-Id", out var correlation) || string.IsNullOrWhiteSpace(correlation.FirstOrDefault()))
        {
            problems.Add("no X-Correlation-Id on the response");
        }

        if (status == 429)
        {
            // Acceptable for any request (the fixture's limits are generous, so the test counts them), if in the envelope.
            CheckRateLimited(response, body, problems);
            return (problems, null);
        }

        var matching = request.Outcomes.Where(outcome => outcome.Matches(status) && !outcome.Bare).ToList();
        if (matching.Count == 0)
        {
            problems.Add($"status {status} is not one of: {string.Join(" | ", request.Outcomes)}");
        }

        CheckFavoriteCondition(matching, model, problems);

        if (request.IsHead)
        {
            // No body to check; the error's Content-Type is still announced.
            if (status is < 200 or >= 300 && response.Content.Headers.ContentType?.MediaType != Json)
            {
                problems.Add($"a HEAD answered {status} with Content-Type '{response.Content.Headers.ContentType}'");
            }

            return (problems, matching.FirstOrDefault());
        }

        if (status is < 200 or >= 300)
        {
            var code = CheckEnvelope(response, body, problems);
            var codes = matching.Select(outcome => outcome.Code).ToList();
            if (code is not null && codes.Count > 0 && codes.All(expected => expected is not null) && !codes.Contains(code))
            {
                problems.Add($"error.code '{code}' is not {string.Join(" or ", codes)}");
            }

            if (status == 401)
            {
                CheckChallenge(response, problems);
            }

            if (matching.Count > 0 && matching.All(outcome => outcome.Target is not null))
            {
                CheckTarget(body, matching.Select(outcome => outcome.Target!).ToList(), problems);
            }

            return (problems, matching.FirstOrDefault());
        }

        if (status == 204 && body.Length > 0)
        {
            problems.Add("a 204 with a body");
        }

        var withPage = matching.FirstOrDefault(outcome => outcome.Page is not null);
        if (status == 200 && withPage?.Page is { } page)
        {
            CheckPage(response, body, page, model, world, problems);
        }
        else if (status == 200 && matching.Any(outcome => outcome.EmptyUserData))
        {
            CheckEmptyUserData(body, problems);
        }
        else if (status == 200)
        {
            CheckJson(body, problems);
        }

        return (problems, withPage ?? matching.FirstOrDefault());
    }

    /// <summary>Content-Type application/json and <c>{"error": {"code", "message", "target"?, "details"?}}</c>; returns the code.</summary>
    public static string? CheckEnvelope(HttpResponseMessage response, string body, List<string> problems)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType != Json)
        {
            problems.Add($"error Content-Type is '{mediaType ?? "(none)"}', not application/json");
        }

        foreach (var leak in new[] { "   at ", "Exception", "<html", "<!DOCTYPE", "\"traceId\"", "\"type\":" })
        {
            if (body.Contains(leak, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"the error body contains '{leak}' (a stack trace, HTML or ProblemDetails)");
            }
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Select(p => p.Name).SingleOrDefault() != "error"
                || root.EnumerateObject().Count() != 1)
            {
                problems.Add("the body is not {\"error\": {...}}");
                return null;
            }

            var error = root.GetProperty("error");
            if (error.ValueKind != JsonValueKind.Object)
            {
                problems.Add("error is not an object");
                return null;
            }

            var code = NonEmptyString(error, "code", problems);
            NonEmptyString(error, "message", problems);
            if (!error.TryGetProperty("target", out var target) || target.ValueKind is not (JsonValueKind.Null or JsonValueKind.String))
            {
                problems.Add("error.target is missing, or neither null nor a string");
            }

            if (error.TryGetProperty("details", out var details) && details.ValueKind != JsonValueKind.Array)
            {
                problems.Add("error.details is not an array");
            }

            return code;
        }
        catch (JsonException exception)
        {
            problems.Add($"the error body is not JSON ({exception.Message})");
            return null;
        }
    }

    private static string? NonEmptyString(JsonElement error, string name, List<string> problems)
    {
        if (!error.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add($"error.{name} is missing or not a non-empty string");
            return null;
        }

        return value.GetString();
    }

    private static void CheckChallenge(HttpResponseMessage response, List<string> problems)
    {
        var challenge = response.Headers.WwwAuthenticate.ToString();
        if (!challenge.StartsWith("Bearer", StringComparison.Ordinal))
        {
            problems.Add($"a 401 whose WWW-Authenticate is '{challenge}', not Bearer");
        }
    }

    private static void CheckRateLimited(HttpResponseMessage response, string body, List<string> problems)
    {
        var code = CheckEnvelope(response, body, problems);
        if (code != "RateLimitExceeded")
        {
            problems.Add($"a 429 with code '{code}'");
        }

        var retryAfter = response.Headers.RetryAfter?.Delta;
        if (retryAfter is null || retryAfter < TimeSpan.FromSeconds(1))
        {
            problems.Add("a 429 without a Retry-After of at least one second");
        }
    }

    /// <summary>
    /// A favorites DELETE of an id the caller may not view is a 204 exactly when the id is among their favorites
    /// (docs/api.md#remove-from-favorites). The model knows that exactly: a world user's requests run one at a time in
    /// their lane, and the outsiders of the anonymous lanes may view nothing, so they never hold a favorite.
    /// </summary>
    private static void CheckFavoriteCondition(List<Outcome> matching, ListModel model, List<string> problems)
    {
        if (matching.Count == 0
            || matching.Any(outcome => outcome.Change is null || outcome.Change.Condition == FavoriteCondition.None))
        {
            return;
        }

        var change = matching[0].Change!;
        var isFavorite = model.IsFavorite(change.UserId, change.IModelId);
        if (change.Condition == FavoriteCondition.IfFavorite && !isFavorite)
        {
            problems.Add($"a 204 for removing {change.IModelId}, which '{change.UserId}' may not view and is not among their favorites (a 404)");
        }
        else if (change.Condition == FavoriteCondition.UnlessFavorite && isFavorite)
        {
            problems.Add($"a 404 for removing {change.IModelId}, which is among the favorites of '{change.UserId}' (always a 204)");
        }
    }

    /// <summary>Some <c>error.details[].target</c> (or <c>error.target</c>) is one of <paramref name="targets"/>.</summary>
    private static void CheckTarget(string body, List<string> targets, List<string> problems)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var error = document.RootElement.GetProperty("error");
            var named = new List<string?>();
            if (error.TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.String)
            {
                named.Add(target.GetString());
            }

            if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
            {
                named.AddRange(details.EnumerateArray()
                    .Where(detail => detail.ValueKind == JsonValueKind.Object && detail.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.String)
                    .Select(detail => detail.GetProperty("target").GetString()));
            }

            if (!named.Any(name => targets.Contains(name!, StringComparer.Ordinal)))
            {
                problems.Add($"the error names targets [{string.Join(", ", named)}], none of {string.Join(" or ", targets)}");
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // CheckEnvelope reports the shape.
        }
    }

    /// <summary><c>{"recents": [], "favorites": []}</c> (docs/api.md#user-data: a user of whom nothing is kept).</summary>
    private static void CheckEmptyUserData(string body, List<string> problems)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.GetProperty("recents").GetArrayLength() != 0 || root.GetProperty("favorites").GetArrayLength() != 0)
            {
                problems.Add($"the data of a user of whom nothing is kept is not two empty lists: {HostileRequest.Shorten(body, 300)}");
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            problems.Add($"a 200 that is not user data ({exception.GetType().Name}: {exception.Message})");
        }
    }

    private static void CheckJson(string body, List<string> problems)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            problems.Add($"a 200 whose body is not JSON ({exception.Message})");
        }
    }

    /// <summary>The page lists exactly what the model says, in order, in the negotiated media type and the preferred shape.</summary>
    private static void CheckPage(HttpResponseMessage response, string body, PageQuery page, ListModel model, HostileWorld world, List<string> problems)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (page.MediaType is not null ? mediaType != page.MediaType : mediaType is not (Json or V2))
        {
            problems.Add($"Content-Type '{mediaType}' where {page.MediaType ?? "v2 or application/json"} was negotiated");
        }

        var expected = model.Page(page, world);
        try
        {
            using var document = JsonDocument.Parse(body);
            var items = document.RootElement.GetProperty("iModels").EnumerateArray().ToList();
            var ids = items.Select(item => item.GetProperty("id").GetGuid()).ToList();
            if (!ids.SequenceEqual(expected))
            {
                problems.Add($"listed [{string.Join(", ", ids.Select(id => Label(id, world)))}] but the model of '{page.UserId}' says "
                    + $"[{string.Join(", ", expected.Select(id => Label(id, world)))}] (top {page.Top}, skip {page.Skip}, order {page.OrderBy?.ToString() ?? "recent"})");
            }

            foreach (var item in items)
            {
                var names = item.EnumerateObject().Select(property => property.Name).ToHashSet(StringComparer.Ordinal);
                if (page.Representation == false && !names.SetEquals(["id", "displayName"]))
                {
                    problems.Add($"a minimal item with properties {string.Join(",", names)}");
                }

                if (page.Representation == true
                    && (!names.IsSupersetOf(["id", "displayName", "name", "state", "createdDateTime", "iTwinId"])
                        || item.GetProperty("iTwinId").GetGuid() != page.ITwinId))
                {
                    problems.Add($"a full item that is not a representation of an iModel of {page.ITwinId}: {item}");
                }
            }

            var self = document.RootElement.GetProperty("_links").GetProperty("self").GetProperty("href").GetString();
            if (!Uri.TryCreate(self, UriKind.Absolute, out _))
            {
                problems.Add($"_links.self.href '{self}' is not an absolute URL");
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            problems.Add($"a 200 that is not a page of iModels ({exception.GetType().Name}: {exception.Message})");
        }
    }

    private static string Label(Guid id, HostileWorld world) =>
        world.IModel(id) is { } iModel ? string.Create(CultureInfo.InvariantCulture, $"{iModel.Name}") : id.ToString();
}
