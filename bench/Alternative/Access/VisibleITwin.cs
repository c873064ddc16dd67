using Recents.PlatformDirectory;

namespace Recents.Bench.Alternative.Access;

/// <summary>An iTwin the caller may see, with the facts needed to decide on each of its iModels.</summary>
public sealed record VisibleITwin(Guid Id, ITwinDetails Details, OrganizationDetails? Organization);
