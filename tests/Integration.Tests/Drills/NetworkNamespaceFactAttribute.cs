using Recents.Integration.Tests.Processes;

namespace Recents.Integration.Tests.Drills;

/// <summary>A fact that needs a <see cref="NetworkNamespace"/>; skipped, saying why, where this machine cannot make one.</summary>
public sealed class NetworkNamespaceFactAttribute : FactAttribute
{
    public NetworkNamespaceFactAttribute()
    {
        if (NetworkNamespace.Unavailable is { } reason)
        {
            Skip = $"The partition drill runs a silo in a network namespace of its own, and {reason}.";
        }
    }
}
