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
/// What the generator leaves out of schemas: <c>[AllowedValues]</c> on a parameter as its <c>enum</c>;
/// <see cref="ItemsOneOfAttribute"/> on a list property as its items' <c>oneOf</c>, of schemas the generator makes and
/// files under components like any other; and a number parameter typed as the number it is.
/// </summary>
internal sealed class SchemaTransformer : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context is { ParameterDescription: { } parameter, JsonPropertyInfo: null })
        {
            DescribeParameter(schema, parameter);
        }

        if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(ItemsOneOfAttribute), inherit: false)
                .SingleOrDefault() is ItemsOneOfAttribute items)
        {
            var shapes = new List<IOpenApiSchema>();
            foreach (var type in items.Types)
            {
                shapes.Add(await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
            }

            schema.Items = new OpenApiSchema { OneOf = shapes };
        }
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
