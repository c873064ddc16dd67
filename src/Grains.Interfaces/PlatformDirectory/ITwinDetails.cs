using System.Collections.Immutable;

namespace Recents.PlatformDirectory;

[GenerateSerializer, Immutable, Alias("recents.ITwinDetails.v1")]
public sealed record ITwinDetails(
    [property: Id(0)] Guid OrganizationId,
    [property: Id(1)] ImmutableArray<ITwinRole> Roles,
    [property: Id(2)] ImmutableArray<ITwinMember> Members);

[GenerateSerializer, Immutable, Alias("recents.ITwinRole.v1")]
public sealed record ITwinRole(
    [property: Id(0)] Guid Id,
    [property: Id(1)] ImmutableArray<string> Permissions);

[GenerateSerializer, Immutable, Alias("recents.ITwinMember.v1")]
public sealed record ITwinMember(
    [property: Id(0)] string UserId,
    [property: Id(1)] ImmutableArray<Guid> RoleIds);
