namespace Recents.Grains.Errors;

public static class GrainErrorsSetup
{
    /// <summary>What every silo that hosts these grains needs so that their failures reach callers as what they are.</summary>
    public static ISiloBuilder AddSerializableGrainErrors(this ISiloBuilder silo) =>
        silo.AddIncomingGrainCallFilter<SerializableTimeoutFilter>();
}
