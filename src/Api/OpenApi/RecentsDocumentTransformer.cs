using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Recents.Api.Authentication;
using Recents.Api.Errors;

namespace Recents.Api.OpenApi;

/// <summary>
/// What the endpoints' metadata cannot say: the document's title, the bearer scheme, and the health probes (mapped as
/// health checks, outside the API explorer).
/// </summary>
internal sealed class RecentsDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "Bearer";

    private const string HealthTag = "Health";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Recents API",
            Version = OpenApiSetup.DocumentName,
            Description = "The iModels a user opened most recently, per user and across iTwins, listed per iTwin; and the "
                + "directory of organizations, iTwins and iModels that decides who may see them. Every error answers "
                + "`application/json` with the body `{\"error\": {\"code\", \"message\", \"target\", \"details\"?}}`.",
        };

        // No server URLs: they would echo the request's Host header (which a caller controls) into a document
        // that tools use to send bearer tokens. Without them, clients use the server the document came from.
        document.Servers?.Clear();

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = $"A JWT whose `scope` claim (space-separated, or a `scp` array) holds `{Scopes.ITwinPlatform}` for "
                + $"`/imodels/...` or `{Scopes.RecentsAdmin}` for `/admin/...`; the caller is its `sub`.",
        };

        DescribeTag(document, "Recent iModels", $"The caller's recently used iModels. Scope `{Scopes.ITwinPlatform}`.");
        DescribeTag(document, "Directory administration", $"Organizations, iTwins and iModels, and who may see them. Scope `{Scopes.RecentsAdmin}`.");
        DescribeTag(document, HealthTag, "Probes for the orchestrator; no authentication.");
        AddHealthProbes(document, new OpenApiSchemaReference(nameof(ErrorEnvelope), document));
        return Task.CompletedTask;
    }

    private static void DescribeTag(OpenApiDocument document, string name, string description)
    {
        document.Tags ??= new HashSet<OpenApiTag>();
        if (document.Tags.FirstOrDefault(tag => tag.Name == name) is { } tag)
        {
            tag.Description = description;
        }
        else
        {
            document.Tags.Add(new OpenApiTag { Name = name, Description = description });
        }
    }

    private static void AddHealthProbes(OpenApiDocument document, IOpenApiSchema envelope)
    {
        document.Paths["/health/live"] = HealthPath(
            "Liveness", "The process is up. Touches neither the grain cluster nor storage; no authentication.", envelope, canBeUnavailable: false);
        document.Paths["/health/ready"] = HealthPath(
            "Readiness", "200 only when the grain cluster and storage answer; no authentication.", envelope, canBeUnavailable: true);
    }

    /// <summary>GET and HEAD of a probe; HEAD answers the same statuses and headers, without a body.</summary>
    private static OpenApiPathItem HealthPath(string name, string description, IOpenApiSchema envelope, bool canBeUnavailable)
    {
        OpenApiOperation Operation(string method, bool withBody)
        {
            var responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse
                {
                    Description = "Healthy.",
                    Content = withBody
                        ? new Dictionary<string, OpenApiMediaType> { ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } }
                        : null,
                },
            };
            if (canBeUnavailable)
            {
                var unavailable = new OpenApiResponse
                {
                    Description = "`ServiceUnavailable`: the grain cluster or its storage does not answer. Retry after the number of seconds in Retry-After.",
                    Content = withBody
                        ? new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = envelope } }
                        : null,
                };
                SecurityAndHeadersTransformer.AddHeaders("503", unavailable);
                responses["503"] = unavailable;
            }

            return new OpenApiOperation
            {
                OperationId = $"{method}{name}",
                Summary = $"{name} probe",
                Description = description,
                Tags = new HashSet<OpenApiTagReference> { new(HealthTag) },
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
}
