using Recents.Api.Common;
using Recents.Api.Errors;
using Recents.Gatekeeper;
using Recents.PlatformDirectory;

namespace Recents.Api.Admin;

/// <summary>Collects every invalid field of an admin body, so one 422 names them all.</summary>
public sealed class BodyErrors
{
    private readonly List<ApiErrorDetail> details = [];

    public IReadOnlyList<ApiErrorDetail> Details => details;

    public bool Any => details.Count > 0;

    public void Add(string target, string message, string code = "InvalidValue") =>
        details.Add(new ApiErrorDetail(code, message, target));

    public void Missing(string target) =>
        details.Add(new ApiErrorDetail("MissingRequiredProperty", $"{target} is required.", target));

    public Guid RequireId(string? value, string target)
    {
        if (value is null)
        {
            Missing(target);
        }
        else if (!Ids.TryParse(value, out var id))
        {
            Add(target, $"{target} must be a GUID.");
        }
        else
        {
            return id;
        }

        return Guid.Empty;
    }

    /// <summary>The id of an organization or iTwin that an entry refers to: a GUID other than the nil GUID (<see cref="DirectoryIds"/>).</summary>
    public Guid RequireDirectoryId(string? value, string target)
    {
        if (Ids.TryParse(value, out var id) && DirectoryPlaceholder.Is(id))
        {
            Add(target, $"{target} must be a GUID other than the nil GUID.");
            return id;
        }

        return RequireId(value, target);
    }

    public string RequireUserId(string? value, string target)
    {
        if (!UserIds.IsValid(value))
        {
            Add(target, $"{target} must be a user id of 1 to {UserIds.MaxLength} printable characters.");
            return "";
        }

        return value!;
    }

    public string RequireText(string? value, string target)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Missing(target);
            return "";
        }

        return value;
    }

    /// <summary>A list that must be present (possibly empty) and hold no nulls.</summary>
    public IReadOnlyList<T> RequireList<T>(IReadOnlyList<T?>? values, string target)
        where T : class
    {
        if (values is null)
        {
            Missing(target);
            return [];
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null)
            {
                Add($"{target}[{i}]", $"{target}[{i}] must not be null.");
            }
        }

        return values.OfType<T>().ToList();
    }
}
