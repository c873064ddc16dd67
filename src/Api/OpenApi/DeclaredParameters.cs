using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Recents.Api.OpenApi;

/// <summary>
/// Parameters that a handler reads from the request itself, declared as endpoint metadata so that the API explorer
/// describes them like bound ones: the constructor parameters of a record, with their <c>[FromQuery]</c> or
/// <c>[FromHeader]</c> names, <c>[Description]</c>, <c>[Required]</c>, <c>[Range]</c>, <c>[DefaultValue]</c> and
/// <c>[AllowedValues]</c>. Nothing binds them, so no value is refused before the handler sees it.
/// </summary>
public static class DeclaredParameters
{
    public static RouteHandlerBuilder WithDeclaredParameters<TParameters>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata([.. typeof(TParameters).GetConstructors().Single().GetParameters().Select(parameter => new Declared(parameter))]);

    private sealed class Declared(ParameterInfo parameter) : IParameterBindingMetadata
    {
        public string Name => parameter.Name!;

        public bool HasTryParse => false;

        public bool HasBindAsync => false;

        public ParameterInfo ParameterInfo => parameter;

        public bool IsOptional => !parameter.IsDefined(typeof(RequiredAttribute));
    }
}
