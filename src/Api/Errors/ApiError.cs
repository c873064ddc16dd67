using System.Text.Json.Serialization;

namespace Recents.Api.Errors;

/// <summary>The iTwin Platform error envelope: <c>{"error": {"code", "message", "target", "details"?}}</c>.</summary>
public sealed record ErrorEnvelope(ApiError Error);

public sealed record ApiError(
    string Code,
    string Message,
    string? Target = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ApiErrorDetail>? Details = null);

public sealed record ApiErrorDetail(string Code, string Message, string? Target);
