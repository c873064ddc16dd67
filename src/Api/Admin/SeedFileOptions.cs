namespace Recents.Api.Admin;

/// <summary>The directory's seed file, loaded at start (<see cref="SeedFileLoader"/>); the <c>Directory</c> section.</summary>
public sealed class SeedFileOptions
{
    public const string SectionName = "Directory";

    /// <summary>Path of the seed file; empty: nothing is loaded.</summary>
    public string SeedFile { get; set; } = "";
}
