namespace Recents.Api.Proxy;

/// <summary>Whether the API sits behind a proxy whose <c>X-Forwarded-*</c> headers it trusts; the <c>ForwardedHeaders</c> section.</summary>
public sealed class ProxyHeadersOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Links then use the scheme and host of <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c>.</summary>
    public bool Enabled { get; set; }
}
