using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Recents.Api.ContentNegotiation;

namespace Recents.Api.OpenApi;

/// <summary>
/// The <c>Accept</c> rule (docs/api.md#media-types) as a header parameter. The generator leaves out <c>Accept</c> even
/// when a handler binds it (OpenAPI says the response media types tell it), so it is added here.
/// </summary>
public static class AcceptHeaderParameter
{
    public static TBuilder WithAcceptHeader<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Accept",
                In = ParameterLocation.Header,
                Description = "Absent, `*/*`, `application/vnd.bentley.itwin-platform.v2+json` (answered in that type) or "
                    + "`application/json` (answered as application/json). Naming only other types or versions answers 406.",
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [MediaTypes.ITwinPlatformV2, MediaTypes.Json, "*/*"],
                    Default = MediaTypes.ITwinPlatformV2,
                },
            });
            return Task.CompletedTask;
        });
}
