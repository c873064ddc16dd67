namespace Recents.Grains.References;

/// <summary>
/// References to the grains of one interface, made without the interface lookup that <c>IGrainFactory.GetGrain&lt;T&gt;</c>
/// repeats on every call: Orleans 10.4 reads the interface's attributes and formats its type name each time, which was a
/// fifth of the silo's CPU when a list of 25 asked for each iModel's grain.
/// </summary>
internal sealed class GrainReferences<TGrainInterface>(IGrainFactory grains) where TGrainInterface : IGrain
{
    private readonly GrainReference template = (GrainReference)grains.GetGrain(typeof(TGrainInterface), IdSpan.Create("template"));

    public TGrainInterface Get(Guid key) => Get(GrainIdKeyExtensions.CreateGuidKey(key));

    public TGrainInterface Get(string key) => Get(IdSpan.Create(key));

    private TGrainInterface Get(IdSpan key) =>
        (TGrainInterface)grains.GetGrain(GrainId.Create(template.GrainId.Type, key), template.InterfaceType);
}
