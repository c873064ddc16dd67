using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recents.Bench.Alternative.Access;

/// <summary>
/// How the directory records of Grains.Interfaces (<c>OrganizationDetails</c>, <c>ITwinDetails</c>,
/// <c>IModelDetails</c>) are written to and read from their table rows, and read from the seed file: web
/// defaults (camelCase) and enums as camelCase strings, which is also the shape of the Orleans API's admin bodies.
/// </summary>
public static class DirectoryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
