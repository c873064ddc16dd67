namespace Recents.Grains.Storage;

public static class GrainStorage
{
    /// <summary>The grain storage provider every persistent grain of this service uses.</summary>
    public const string Name = "recents";
}
