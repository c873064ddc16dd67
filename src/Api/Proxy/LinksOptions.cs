using System.ComponentModel.DataAnnotations;

namespace Recents.Api.Proxy;

/// <summary>Where callers reach the API, for the absolute URLs it hands out; the <c>Links</c> section.</summary>
public sealed class LinksOptions : IValidatableObject
{
    public const string SectionName = "Links";

    /// <summary>
    /// The absolute http or https URL under which callers reach the API, such as <c>https://recents.example.com</c>
    /// (a path, if any, is put in front of every link's path). Unset or empty: each request's own scheme and host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The configured base URL; null when none is set or it is not valid (which the host refuses at start).</summary>
    public Uri? PublicBaseUri() => TryParse(PublicBaseUrl, out var uri) ? uri : null;

    /// <summary>Checked at start (<c>ValidateOnStart</c>).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(PublicBaseUrl) && !TryParse(PublicBaseUrl, out _))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(PublicBaseUrl)}: '{PublicBaseUrl}' is not an absolute http or https URL without user "
                + "information, query or fragment (such as https://recents.example.com).");
        }
    }

    private static bool TryParse(string? text, out Uri uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri!)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.UserInfo.Length == 0
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0
        && !text!.Contains('?', StringComparison.Ordinal)
        && !text.Contains('#', StringComparison.Ordinal);
}
