using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Recents.Api.ContentNegotiation;
using Recents.Api.RecentIModels;

namespace Recents.Api.OpenApi;

/// <summary>
/// Parameters that endpoints read from the request themselves (headers, and the list's query, parsed by
/// <see cref="ListRecentsQuery"/> so that every bad value is reported), declared for the OpenAPI document.
/// </summary>
public static class OperationParameters
{
    /// <summary>The <c>Accept</c> rule (docs/api.md#media-types) (the response media types say the same to tools that skip this header).</summary>
    public static TBuilder WithAcceptHeader<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithParameters(() => [new OpenApiParameter
        {
            Name = "Accept",
            In = ParameterLocation.Header,
            Description = "Absent, `*/*`, `application/vnd.bentley.itwin-platform.v2+json` (answered in that type) or "
                + "`application/json` (answered as application/json). Naming only other types or versions answers 406.",
            Schema = StringSchema(MediaTypes.ITwinPlatformV2, MediaTypes.ITwinPlatformV2, MediaTypes.Json, "*/*"),
        }]);

    /// <summary>Describes a path parameter the route already declares.</summary>
    public static TBuilder WithPathParameter<TBuilder>(this TBuilder builder, string name, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>()
                         .Where(parameter => parameter.In == ParameterLocation.Path && parameter.Name == name))
            {
                parameter.Description = description;
            }

            return Task.CompletedTask;
        });

    /// <summary><c>GET /imodels/recents</c>: <c>iTwinId</c>, <c>$top</c>, <c>$skip</c>, <c>$orderBy</c> and <c>Prefer</c> (docs/api.md#operations).</summary>
    public static RouteHandlerBuilder WithListRecentsParameters(this RouteHandlerBuilder builder) =>
        builder.WithParameters(() =>
        [
            new OpenApiParameter
            {
                Name = ListRecentsQuery.ITwinIdParameter,
                In = ParameterLocation.Query,
                Required = true,
                Description = "The iTwin whose iModels to list. Missing or not a GUID: 422 `InvalidiModelsRequest`.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
            },
            new OpenApiParameter
            {
                Name = ListRecentsQuery.TopParameter,
                In = ParameterLocation.Query,
                Description = $"How many iModels to return, 1 to {ListRecentsQuery.MaxTop}. Out of range or not an integer: 422.",
                Schema = IntegerSchema(minimum: 1, maximum: ListRecentsQuery.MaxTop, defaultValue: ListRecentsQuery.DefaultTop),
            },
            new OpenApiParameter
            {
                Name = ListRecentsQuery.SkipParameter,
                In = ParameterLocation.Query,
                Description = "How many iModels to skip, at least 0. Negative or not an integer: 422.",
                Schema = IntegerSchema(minimum: 0, maximum: null, defaultValue: 0),
            },
            new OpenApiParameter
            {
                Name = ListRecentsQuery.OrderByParameter,
                In = ParameterLocation.Query,
                Description = "Absent: most recently used first. Otherwise `name` or `createdDateTime`, optionally followed by "
                    + "` asc` (the default) or ` desc` (case-insensitive), applied before `$skip` and `$top`. Anything else: 422.",
                Schema = StringSchema(
                    null, "name", "name asc", "name desc", "createdDateTime", "createdDateTime asc", "createdDateTime desc"),
            },
            new OpenApiParameter
            {
                Name = "Prefer",
                In = ParameterLocation.Header,
                Description = "`return=minimal` (the default, also when absent or unrecognised): items `{id, displayName}`. "
                    + "`return=representation`: full iModels.",
                Schema = StringSchema("return=minimal", "return=minimal", "return=representation"),
            },
        ]);

    /// <summary>Adds parameters made afresh for each document, so no two documents share (mutable) parameter objects.</summary>
    private static TBuilder WithParameters<TBuilder>(this TBuilder builder, Func<IEnumerable<OpenApiParameter>> parameters)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var parameter in parameters())
            {
                operation.Parameters.Add(parameter);
            }

            return Task.CompletedTask;
        });

    private static OpenApiSchema StringSchema(string? defaultValue, params string[] values) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. values.Select(value => (JsonNode)JsonValue.Create(value))],
        Default = defaultValue is null ? null : JsonValue.Create(defaultValue),
    };

    private static OpenApiSchema IntegerSchema(int minimum, int? maximum, int defaultValue) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Default = JsonValue.Create(defaultValue),
    };
}
