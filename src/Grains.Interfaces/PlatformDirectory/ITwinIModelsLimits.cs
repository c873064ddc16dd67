namespace Recents.PlatformDirectory;

public static class ITwinIModelsLimits
{
    /// <summary>
    /// The most an iTwin's iModels may take, serialized. They are stored together, as one Azure Table entity, which
    /// holds at most 1 MiB (Orleans writes at most 960 KiB of state into one). Half of that: the same iModels can take
    /// more bytes when read back than when measured (a repeated string is written once per serialization only while
    /// it is one object), every iModel write rewrites the whole row, and every list or POST in the iTwin keeps them
    /// all in the silo's memory.
    /// </summary>
    public const int MaxSerializedBytes = 512 * 1024;
}
