using System.Text;
using System.Text.RegularExpressions;

namespace Recents.Deployment.Tests.Infrastructure;

/// <summary>The repository's <c>.dockerignore</c>: which paths stay out of the build context.</summary>
internal sealed class DockerIgnore(IReadOnlyList<(Regex Pattern, bool Include)> rules)
{
    public static DockerIgnore Load() => new(File.ReadAllLines(Repository.DockerIgnore)
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.StartsWith('!') ? (ToRegex(line[1..]), true) : (ToRegex(line), false))
        .ToList());

    /// <summary>Whether the path (relative to the root, forward slashes), or a folder above it, is excluded.</summary>
    public bool Excludes(string relativePath)
    {
        var path = relativePath.Trim('/');
        var excluded = false;
        foreach (var (pattern, include) in rules)
        {
            if (Prefixes(path).Any(prefix => pattern.IsMatch(prefix)))
            {
                excluded = !include;
            }
        }

        return excluded;
    }

    private static IEnumerable<string> Prefixes(string path)
    {
        var parts = path.Split('/');
        return Enumerable.Range(1, parts.Length).Select(count => string.Join('/', parts.Take(count)));
    }

    /// <summary>Docker's patterns: <c>*</c> and <c>?</c> within a name, <c>**</c> across folders.</summary>
    private static Regex ToRegex(string pattern)
    {
        var text = pattern.Trim().Trim('/');
        var regex = new StringBuilder("^");
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i..].StartsWith("**/", StringComparison.Ordinal))
            {
                regex.Append("(.*/)?");
                i += 2;
            }
            else if (text[i..].StartsWith("**", StringComparison.Ordinal))
            {
                regex.Append(".*");
                i++;
            }
            else
            {
                regex.Append(text[i] switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(text[i].ToString()),
                });
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
