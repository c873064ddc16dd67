namespace Recents.Api.Authentication;

/// <summary>The token is genuine but its <c>sub</c> cannot name a user of this service.</summary>
public sealed class InvalidSubjectException() : Exception("The token's 'sub' claim is missing or not a valid user id.");
