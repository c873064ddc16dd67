using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Recents.Api.Authentication;

namespace Recents.Api.OpenApi;

/// <summary>
/// What no endpoint metadata says to the generator, for every operation: the bearer scheme with the scope its
/// authorization policy demands (docs/api.md#authentication); the headers that come with its error responses
/// (<c>WWW-Authenticate</c> on 401, <c>Retry-After</c> on 429 and 503); and its responses in the order of their
/// statuses, where the generator lists a group's before the endpoint's own.
/// </summary>
internal sealed class SecurityAndHeadersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var scopes = context.Description.ActionDescriptor.EndpointMetadata
            .OfType<IAuthorizeData>()
            .Select(authorize => ScopeOf(authorize.Policy))
            .OfType<string>()
            .Distinct()
            .ToList();
        if (scopes.Count > 0)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(RecentsDocumentTransformer.BearerScheme, context.Document)] = scopes,
                },
            ];
        }

        if (operation.Responses is { } responses)
        {
            var sorted = responses.OrderBy(response => response.Key, StringComparer.Ordinal).ToList();
            responses.Clear();
            foreach (var (status, response) in sorted)
            {
                if (response is OpenApiResponse concrete)
                {
                    AddHeaders(status, concrete);
                }

                responses[status] = response;
            }
        }

        return Task.CompletedTask;
    }

    public static void AddHeaders(string status, OpenApiResponse response)
    {
        switch (status)
        {
            case "401":
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["WWW-Authenticate"] = new OpenApiHeader
                {
                    Description = "`Bearer`, with `error=\"invalid_token\"` when a token was sent.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
                break;
            case "429" or "503":
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Whole seconds, at least 1, after which to retry.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" },
                };
                break;
        }
    }

    private static string? ScopeOf(string? policy) => policy switch
    {
        AuthenticationSetup.RecentsPolicy => Scopes.ITwinPlatform,
        AuthenticationSetup.AdminPolicy => Scopes.RecentsAdmin,
        _ => null,
    };
}
