using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Recents.Api.OpenApi;

/// <summary>
/// What the generator leaves out of parameter schemas: <c>[AllowedValues]</c> as the <c>enum</c>, and a number
/// parameter typed as the number it is.
/// </summary>
internal sealed class SchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context is { ParameterDescription: { } parameter, JsonPropertyInfo: null })
        {
            DescribeParameter(schema, parameter);
        }

        return Task.CompletedTask;
    }

    private static void DescribeParameter(OpenApiSchema schema, ApiParameterDescription parameter)
    {
        if (parameter.ParameterDescriptor is IParameterInfoParameterDescriptor { ParameterInfo: { } info }
            && info.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed)
        {
            schema.Enum = [.. allowed.Values.OfType<string>().Select(value => (JsonNode)JsonValue.Create(value))];
        }

        // The JSON options let numbers be read from strings, so the generator types numbers "integer or string" with
        // a digits pattern. A query, header or path value is text either way: say integer (or number) alone.
        if ((parameter.Source == BindingSource.Query || parameter.Source == BindingSource.Header || parameter.Source == BindingSource.Path)
            && schema.Type is { } type && type.HasFlag(JsonSchemaType.String)
            && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
    }
}
