using Microsoft.Net.Http.Headers;

namespace Recents.Api.ContentNegotiation;

/// <summary>Picks the response media type from <c>Accept</c> (docs/api.md#common-rules).</summary>
public static class MediaTypes
{
    public const string ITwinPlatformV2 = "application/vnd.bentley.itwin-platform.v2+json";
    public const string Json = "application/json";

    /// <summary>
    /// The media type to answer with, or null when <c>Accept</c> names nothing this API produces.
    /// Absent, empty or wildcard: the versioned type. <c>application/json</c> preferred: plain JSON.
    /// </summary>
    public static string? Negotiate(IList<string>? acceptHeaders)
    {
        if (acceptHeaders is null || acceptHeaders.Count == 0 || acceptHeaders.All(string.IsNullOrWhiteSpace))
        {
            return ITwinPlatformV2;
        }

        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted))
        {
            return null;
        }

        var best = accepted
            .Where(range => range.Quality is not 0)
            .Select(range => (range, producible: Producible(range)))
            .Where(candidate => candidate.producible is not null)
            .OrderByDescending(candidate => candidate.range.Quality ?? 1)
            .ThenBy(candidate => candidate.range.MatchesAllTypes || candidate.range.MatchesAllSubTypes ? 1 : 0)
            .Select(candidate => candidate.producible)
            .FirstOrDefault();
        return best;
    }

    private static string? Producible(MediaTypeHeaderValue range)
    {
        if (range.MatchesAllTypes || (range.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && range.MatchesAllSubTypes))
        {
            return ITwinPlatformV2;
        }

        var mediaType = range.MediaType.Value;
        if (string.Equals(mediaType, ITwinPlatformV2, StringComparison.OrdinalIgnoreCase))
        {
            return ITwinPlatformV2;
        }

        return string.Equals(mediaType, Json, StringComparison.OrdinalIgnoreCase) ? Json : null;
    }
}
