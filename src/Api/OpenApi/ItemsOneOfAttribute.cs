namespace Recents.Api.OpenApi;

/// <summary>
/// Each item of the list property is one of these types, for a list typed <c>object</c> in C# because the shape of
/// its items depends on the request. <see cref="SchemaTransformer"/> says so as <c>oneOf</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemsOneOfAttribute(params Type[] types) : Attribute
{
    public IReadOnlyList<Type> Types { get; } = types;
}
