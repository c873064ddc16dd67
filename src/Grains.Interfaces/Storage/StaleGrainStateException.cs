namespace Recents.Storage;

/// <summary>
/// A grain's write found newer state in storage than the grain's own copy: another activation of the same grain
/// (a duplicate during a membership change, or a second cluster on the same storage) wrote it. The write was not
/// applied and the grain dropped its copy, so a retry reloads the stored state and applies to that.
/// </summary>
/// <remarks>
/// Thrown in place of the storage provider's ETag exception, whose type lives in the provider's assembly and which a
/// client of the cluster (the API) cannot deserialize. It carries no inner exception for the same reason.
/// </remarks>
[GenerateSerializer, Alias("recents.StaleGrainStateException")]
public sealed class StaleGrainStateException(string message) : OrleansException(message);
