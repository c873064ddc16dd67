using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Recents.Api.Errors;

namespace Recents.Api.OpenApi;

/// <summary>
/// The health probes (docs/api.md#health). They are health-check middleware rather than handlers, and the API explorer,
/// which the generator reads, describes handlers only: so they are written here, GET and HEAD of each.
/// </summary>
internal sealed class HealthProbesTransformer : IOpenApiDocumentTransformer
{
    public const string Tag = "Health";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths["/health/live"] = Probe(
            document, "Liveness", "The process is up. Touches neither the grain cluster nor storage; no authentication.", canBeUnavailable: false);
        document.Paths["/health/ready"] = Probe(
            document, "Readiness", "200 only when the grain cluster and storage answer; no authentication.", canBeUnavailable: true);
        return Task.CompletedTask;
    }

    /// <summary>GET and HEAD of a probe; HEAD answers the same statuses and headers, without a body.</summary>
    private static OpenApiPathItem Probe(OpenApiDocument document, string name, string description, bool canBeUnavailable)
    {
        OpenApiOperation Operation(string method, bool withBody)
        {
            var responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse
                {
                    Description = "Healthy.",
                    Content = withBody ? Body("text/plain", new OpenApiSchema { Type = JsonSchemaType.String }) : null,
                },
            };
            if (canBeUnavailable)
            {
                var unavailable = new OpenApiResponse
                {
                    Description = "`ServiceUnavailable`: the grain cluster or its storage does not answer. Retry after the number of seconds in Retry-After.",
                    Content = withBody ? Body("application/json", new OpenApiSchemaReference(nameof(ErrorEnvelope), document)) : null,
                };
                SecurityAndHeadersTransformer.AddHeaders("503", unavailable);
                responses["503"] = unavailable;
            }

            return new OpenApiOperation
            {
                OperationId = $"{method}{name}",
                Summary = $"{name} probe",
                Description = description,
                Tags = new HashSet<OpenApiTagReference> { new(Tag, document) },
                Responses = responses,
            };
        }

        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = Operation("Get", withBody: true),
                [HttpMethod.Head] = Operation("Head", withBody: false),
            },
        };
    }

    private static Dictionary<string, OpenApiMediaType> Body(string mediaType, IOpenApiSchema schema) =>
        new() { [mediaType] = new OpenApiMediaType { Schema = schema } };
}
