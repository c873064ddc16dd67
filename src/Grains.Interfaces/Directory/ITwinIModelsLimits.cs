namespace Recents.Directory;

public static class ITwinIModelsLimits
{
    /// <summary>
    /// The most an iTwin's iModels may take, serialized. They are stored together, as one Azure Table entity, which
    /// holds at most 1 MiB (Orleans writes at most 960 KiB of state into one); the margin keeps a write of a state just
    /// under this limit safe.
    /// </summary>
    public const int MaxSerializedBytes = 512 * 1024;
}
