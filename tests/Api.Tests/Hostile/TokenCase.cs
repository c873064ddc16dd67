namespace Recents.Api.Tests.Hostile;

/// <summary>How the API's authentication must treat a request's <c>Authorization</c> header.</summary>
public enum AuthKind
{
    /// <summary>No <c>Authorization</c> header: 401 <c>HeaderNotFound</c>.</summary>
    Missing,

    /// <summary>A header that carries no valid bearer token: 401 <c>Unauthorized</c>.</summary>
    Invalid,

    /// <summary>A genuine, current token for <see cref="TokenCase.UserId"/>; its scopes decide what it may call.</summary>
    Authenticated,

    /// <summary>
    /// A form docs/api.md does not pin down (scheme case, extra whitespace, base64 padding, an unknown <c>kid</c>, an
    /// audience array that includes ours): either 401 or treated as <see cref="Authenticated"/>. It always carries a
    /// genuine token of <see cref="TokenCase.UserId"/>, so whichever the server chooses, only that user's list may change.
    /// </summary>
    Either,
}

/// <summary>One way to (mis)authenticate: the raw <c>Authorization</c> values to send and what they must amount to.</summary>
public sealed record TokenCase(
    string Name,
    AuthKind Kind,
    IReadOnlyList<string> AuthorizationValues,
    string? UserId = null,
    bool GrantsRecents = false,
    bool GrantsAdmin = false)
{
    /// <summary>Whether the server may let the request through to a <c>/imodels</c> endpoint as <see cref="UserId"/>.</summary>
    public bool MayActOnRecents => Kind is AuthKind.Authenticated or AuthKind.Either && GrantsRecents;

    public bool MayActOnAdmin => Kind is AuthKind.Authenticated or AuthKind.Either && GrantsAdmin;

    public override string ToString() => $"{Name} [{Kind}{(UserId is null ? "" : $" as '{UserId}'")}]";
}
