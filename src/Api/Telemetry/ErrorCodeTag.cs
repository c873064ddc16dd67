using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Recents.Api.Telemetry;

/// <summary>
/// Puts the error code of an enveloped answer on the request's span and on its <c>http.server.request.duration</c>
/// measurement, so that requests can be counted by outcome (<c>iModelNotFound</c>, <c>RateLimitExceeded</c>, …) and not
/// only by status code.
/// </summary>
public static class ErrorCodeTag
{
    public const string Name = "recents.error.code";

    public static void Add(HttpContext context, string code)
    {
        context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new(Name, code));
        Activity.Current?.SetTag(Name, code);
    }
}
