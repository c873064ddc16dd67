using System.ComponentModel;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Recents.Api.Errors;
using Recents.Api.OpenApi;
using Recents.Gatekeeper;
using Recents.UserData;

namespace Recents.Api.Admin;

/// <summary>
/// <c>/admin/users/{userId}/data</c>: a user's data as a whole, for privacy requests (docs/api.md#user-data). One call to
/// the silo's <see cref="IUserDataGrain"/>, which reads or erases the user's list grains. The request log line carries
/// the route without the user id (<see cref="UserPathLogRedaction"/>).
/// </summary>
public static class UserDataEndpoints
{
    public const string UsersPath = "/admin/users";

    private const string UserIdDescription =
        "The user's id (a token's `sub`), percent-encoded as a path segment: a `/` in the id is sent as `%2F`.";

    private const string UserNotFoundDescription = "`UserNotFound`: the path segment is not a user id (1 to 128 printable characters).";

    /// <summary>Maps the routes into the admin group, which requires the <c>recents-admin</c> scope and rate limits.</summary>
    public static RouteGroupBuilder MapUserData(this RouteGroupBuilder admin)
    {
        admin.MapGet("/users/{userId}/data", GetAsync)
            .WithName("GetUserData")
            .WithSummary("Read everything kept for a user")
            .WithDescription("The user's recents and favorites as stored, with their iModel and iTwin ids, in order: the operator's view, "
                + "without the view rule that lists apply. A user of whom nothing is kept (never seen, or erased) has empty lists.")
            .ProducesError(StatusCodes.Status404NotFound, UserNotFoundDescription);
        admin.MapDelete("/users/{userId}/data", EraseAsync)
            .WithName("EraseUserData")
            .WithSummary("Erase everything kept for a user")
            .WithDescription("Deletes the user's recents and favorites from storage and from every silo's memory; 204 means the erase "
                + "is durable. Idempotent: erasing a user of whom nothing is kept is 204 too. The user may start new lists afterwards.")
            .ProducesError(StatusCodes.Status404NotFound, UserNotFoundDescription);
        return admin;
    }

    private static async Task<Results<Ok<UserDataBody>, ErrorResult>> GetAsync(
        [Description(UserIdDescription)] string userId, HttpContext context, IGrainFactory grains)
    {
        if (UserIdOf(context, userId) is not { } id)
        {
            return ErrorResult.NotFound(ApiErrors.UserNotFound);
        }

        return TypedResults.Ok(UserDataBody.From(await grains.GetGrain<IUserDataGrain>(0).ExportAsync(id)));
    }

    private static async Task<Results<NoContent, ErrorResult>> EraseAsync(
        [Description(UserIdDescription)] string userId, HttpContext context, IGrainFactory grains)
    {
        if (UserIdOf(context, userId) is not { } id)
        {
            return ErrorResult.NotFound(ApiErrors.UserNotFound);
        }

        await grains.GetGrain<IUserDataGrain>(0).EraseAsync(id);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The user id that the path names, or null when it is not one. The route value is decoded except for <c>%2F</c>,
    /// which the server leaves encoded (so <c>a%2Fb</c> could be the id <c>a/b</c> or <c>a%2Fb</c>): the id is decoded
    /// from the request target as sent instead, whenever that has the route's shape.
    /// </summary>
    internal static string? UserIdOf(HttpContext context, string routeValue)
    {
        var userId = RawSegment(context.Features.Get<IHttpRequestFeature>()?.RawTarget) is { } raw
            ? Uri.UnescapeDataString(raw)
            : routeValue;
        return UserIds.IsValid(userId) ? userId : null;
    }

    /// <summary>The user id segment of a request target of the form <c>/admin/users/{segment}/data[?query]</c>, still encoded.</summary>
    private static string? RawSegment(string? rawTarget)
    {
        if (string.IsNullOrEmpty(rawTarget))
        {
            return null;
        }

        var path = rawTarget.AsSpan();
        if (path.IndexOf('?') is var query and >= 0)
        {
            path = path[..query];
        }

        var prefix = UsersPath + "/";
        const string suffix = "/data";
        if (!path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var segment = path[prefix.Length..^suffix.Length];
        return segment.IsEmpty || segment.Contains('/') ? null : segment.ToString();
    }
}
