using Scalar.AspNetCore;

namespace Recents.Api.OpenApi;

/// <summary>
/// The API's OpenAPI document, built by ASP.NET Core from the endpoints and their metadata, completed by the
/// transformers in this folder with what metadata cannot say; and, in Development only, a reference page (Scalar)
/// that reads it.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    /// <summary>Where the document is served: <c>/openapi/v1.json</c>, and no other name (those are route 404s, in the envelope).</summary>
    public const string DocumentRoute = "/openapi/{documentName:regex(^v1$)}.json";

    private const string DocumentRouteForReferencePage = "/openapi/{documentName}.json";

    /// <summary>Where the reference page is served in Development: <c>/scalar/v1</c>.</summary>
    public const string ReferencePageRoute = "/scalar";

    public static IServiceCollection AddRecentsOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<RecentsDocumentTransformer>();
            options.AddDocumentTransformer<HealthProbesTransformer>();
            options.AddOperationTransformer<SecurityAndHeadersTransformer>();
            options.AddSchemaTransformer<SchemaTransformer>();
        });

    /// <summary>
    /// The document for anyone (it describes the public API, nothing secret), GET only; the reference page only
    /// in Development, with everything it needs served by this process (no CDN, no web fonts, no telemetry).
    /// </summary>
    public static IEndpointRouteBuilder MapRecentsOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentRoute).AllowAnonymous();
        if (app.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            app.MapScalarApiReference(ReferencePageRoute, options => options
                    .WithTitle("Recents API")
                    .WithOpenApiRoutePattern(DocumentRouteForReferencePage)
                    .AddPreferredSecuritySchemes(RecentsDocumentTransformer.BearerScheme)
                    .DisableDefaultFonts()
                    .DisableTelemetry()
                    .DisableAgent()
                    .DisableMcp())
                .AllowAnonymous();
        }

        return app;
    }
}
