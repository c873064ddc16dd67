using System.Collections.Immutable;

namespace Recents.Directory;

[GenerateSerializer, Immutable, Alias("recents.OrganizationDetails.v1")]
public sealed record OrganizationDetails(
    [property: Id(0)] ImmutableArray<string> Administrators);
