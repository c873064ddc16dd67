using System.Collections.Immutable;

namespace Recents.PlatformDirectory;

[GenerateSerializer, Immutable, Alias("recents.OrganizationDetails.v1")]
public sealed record OrganizationDetails(
    [property: Id(0)] ImmutableArray<string> Administrators);
