using Recents.Directory;

namespace Recents.Api.Access;

public sealed record ViewableIModel(Guid Id, IModelDetails Details);
