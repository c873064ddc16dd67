using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Recents.Api.Authentication;

namespace Recents.Api.OpenApi;

/// <summary>What no endpoint metadata can say: the document's title, its servers, the bearer scheme and what each tag is.</summary>
internal sealed class RecentsDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "Bearer";

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
        DescribeTag(document, "Favorite iModels", $"The caller's favorite iModels. Scope `{Scopes.ITwinPlatform}`.");
        DescribeTag(document, "Directory administration", $"Organizations, iTwins and iModels, and who may see them. Scope `{Scopes.RecentsAdmin}`.");
        DescribeTag(document, HealthProbesTransformer.Tag, "Probes for the orchestrator; no authentication.");
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
}
