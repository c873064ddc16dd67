using System.Text.Json;
using System.Text.RegularExpressions;

namespace Recents.Deployment.Tests.Infrastructure;

/// <summary>One instruction of a Dockerfile: continuation lines joined, comments left out.</summary>
internal sealed record DockerInstruction(int Line, string Keyword, string Arguments)
{
    /// <summary>The arguments split on white space, flags (<c>--from=x</c>) included.</summary>
    public IReadOnlyList<string> Words => Arguments.Split(' ', '\t').Where(word => word.Length > 0).ToList();

    public string? Flag(string name) =>
        Words.Where(word => word.StartsWith($"--{name}=", StringComparison.Ordinal)).Select(word => word[(name.Length + 3)..]).SingleOrDefault();

    /// <summary>An instruction in exec (JSON array) form, such as <c>ENTRYPOINT ["dotnet", "x.dll"]</c>.</summary>
    public IReadOnlyList<string>? ExecForm() =>
        Arguments.TrimStart().StartsWith('[') ? JsonSerializer.Deserialize<string[]>(Arguments) : null;
}

/// <summary>A build stage: from <c>FROM base [AS name]</c> to the next <c>FROM</c>.</summary>
internal sealed record DockerStage(string BaseImage, string? Name, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) =>
        Instructions.Where(instruction => instruction.Keyword == keyword);

    /// <summary>The <c>ENV key=value</c> pairs of this stage (values without spaces, as this repository writes them).</summary>
    public IReadOnlyDictionary<string, string> Environment => All("ENV")
        .SelectMany(instruction => instruction.Words)
        .Select(word => word.Split('=', 2))
        .ToDictionary(pair => pair[0], pair => pair.Length == 2 ? pair[1] : "", StringComparer.Ordinal);
}

internal sealed partial class Dockerfile
{
    /// <summary>Every instruction of the Dockerfile reference (docs.docker.com/reference/dockerfile).</summary>
    public static readonly IReadOnlySet<string> KnownInstructions = new HashSet<string>(StringComparer.Ordinal)
    {
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER",
        "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    };

    private Dockerfile(IReadOnlyList<DockerInstruction> instructions)
    {
        Instructions = instructions;
        var stages = new List<DockerStage>();
        foreach (var instruction in instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                var words = instruction.Words.Where(word => !word.StartsWith("--", StringComparison.Ordinal)).ToList();
                var name = words.Count == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
                stages.Add(new DockerStage(words[0], name, []));
            }
            else if (stages.Count > 0)
            {
                stages[^1] = stages[^1] with { Instructions = [.. stages[^1].Instructions, instruction] };
            }
        }

        Stages = stages;
    }

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    public IReadOnlyList<DockerStage> Stages { get; }

    public static Dockerfile Load() => Parse(File.ReadAllLines(Repository.Dockerfile));

    public static Dockerfile Parse(IReadOnlyList<string> lines)
    {
        var instructions = new List<DockerInstruction>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var start = i + 1;
            var text = line;
            while (text.EndsWith('\\') && i + 1 < lines.Count)
            {
                // Comment lines inside a continued instruction are dropped, as Docker does.
                var next = lines[++i].Trim();
                while (next.StartsWith('#') && i + 1 < lines.Count)
                {
                    next = lines[++i].Trim();
                }

                text = text[..^1].TrimEnd() + " " + next;
            }

            var match = InstructionPattern().Match(text);
            instructions.Add(new DockerInstruction(start, match.Groups[1].Value.ToUpperInvariant(), match.Groups[2].Value.Trim()));
        }

        return new Dockerfile(instructions);
    }

    public DockerStage Stage(string name) =>
        Stages.SingleOrDefault(stage => stage.Name == name) ?? throw new InvalidOperationException($"No stage named {name}.");

    /// <summary>The stage and the stages it is built <c>FROM</c>, nearest first.</summary>
    public IEnumerable<DockerStage> Ancestry(DockerStage stage)
    {
        for (DockerStage? current = stage; current is not null; current = Stages.SingleOrDefault(s => s.Name == current.BaseImage))
        {
            yield return current;
        }
    }

    [GeneratedRegex(@"^(\S+)\s*(.*)$")]
    private static partial Regex InstructionPattern();
}
