using System.ComponentModel.DataAnnotations;

namespace Recents.Api.Management;

/// <summary>The operators' port, bound from the <c>Management</c> configuration section (docs/observability.md#management-port).</summary>
public sealed class ManagementOptions
{
    public const string SectionName = "Management";

    /// <summary>
    /// The port of <c>/metrics</c> and <c>/dashboard</c>, which answer on no other port, while the API's routes do not
    /// answer on it. The server must listen on it too (<c>ASPNETCORE_URLS</c> lists it). Unset: neither is served.
    /// </summary>
    [Range(1, 65535)]
    public int? Port { get; set; }
}
