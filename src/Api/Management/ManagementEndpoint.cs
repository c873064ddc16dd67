namespace Recents.Api.Management;

/// <summary>Endpoint metadata of an operators' endpoint, served only on <see cref="ManagementOptions.Port"/>.</summary>
public sealed class ManagementEndpoint
{
    public static readonly ManagementEndpoint Instance = new();

    private ManagementEndpoint()
    {
    }
}
