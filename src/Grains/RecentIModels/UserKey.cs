using Recents.Gatekeeper;

namespace Recents.Grains.RecentIModels;

/// <summary>
/// Turns a user id into a grain key. User ids are opaque strings, and Azure Table keys silently rewrite
/// <c>/ \ # ?</c> (two users could share a list) and reject long keys (a 128-character id of multi-byte characters is
/// too long once encoded). The user's <see cref="UserIds.Pseudonym"/> is 43 safe characters for every user id, distinct
/// in practice, and keeps user ids out of table keys.
/// </summary>
public static class UserKey
{
    public static string FromUserId(string userId)
    {
        if (!UserIds.IsValid(userId))
        {
            throw new ArgumentException("Not a valid user id.", nameof(userId));
        }

        return UserIds.Pseudonym(userId);
    }
}
