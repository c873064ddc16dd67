using System.Globalization;

namespace Recents.Bench.Tools;

/// <summary><c>--name value</c> pairs after the command name.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public Arguments(IEnumerable<string> args)
    {
        using var items = args.GetEnumerator();
        while (items.MoveNext())
        {
            var name = items.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal) || !items.MoveNext())
            {
                throw new ArgumentException($"Expected --name value pairs, got '{name}'.");
            }

            values[name[2..]] = items.Current;
        }
    }

    public string Text(string name) =>
        values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

    public int Number(string name) => int.Parse(Text(name), CultureInfo.InvariantCulture);

    public TimeSpan Seconds(string name) => TimeSpan.FromSeconds(double.Parse(Text(name), CultureInfo.InvariantCulture));
}
