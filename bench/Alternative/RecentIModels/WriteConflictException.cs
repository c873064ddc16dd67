namespace Recents.Bench.Alternative.RecentIModels;

/// <summary>Every attempt to write a user's list lost to a concurrent writer; the request answers 503.</summary>
public sealed class WriteConflictException(int attempts)
    : Exception($"The list was changed concurrently on each of {attempts} attempts.");
