namespace Recents.Grains.References;

/// <summary>
/// References to the grains of one interface, made without the interface lookup that <c>IGrainFactory.GetGrain&lt;T&gt;</c>
/// repeats on every call: Orleans 10.4 reads the interface's attributes and formats its type name each time, a cost
/// that shows on hot paths that make many references. Get one by the key type of the interface
/// (<see cref="GrainReferencesByKey"/>).
/// </summary>
internal sealed class GrainReferences<TGrainInterface>(IGrainFactory grains) where TGrainInterface : IGrain
{
    private readonly GrainReference template = (GrainReference)grains.GetGrain(typeof(TGrainInterface), IdSpan.Create("template"));

    public TGrainInterface ByKey(IdSpan key) =>
        (TGrainInterface)grains.GetGrain(GrainId.Create(template.GrainId.Type, key), template.InterfaceType);
}

/// <summary>Keys encoded as <c>GetGrain</c> encodes them, each only for interfaces with that key type.</summary>
internal static class GrainReferencesByKey
{
    public static TGrainInterface Get<TGrainInterface>(this GrainReferences<TGrainInterface> references, Guid key)
        where TGrainInterface : IGrainWithGuidKey =>
        references.ByKey(GrainIdKeyExtensions.CreateGuidKey(key));

    public static TGrainInterface Get<TGrainInterface>(this GrainReferences<TGrainInterface> references, string key)
        where TGrainInterface : IGrainWithStringKey =>
        references.ByKey(IdSpan.Create(key));
}
