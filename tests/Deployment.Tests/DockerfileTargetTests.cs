using System.Xml.Linq;
using Recents.Deployment.Tests.Infrastructure;

namespace Recents.Deployment.Tests;

/// <summary>The targets <c>silo</c> and <c>api</c> run, as a non-root user, the assembly of the project they publish.</summary>
public sealed class DockerfileTargetTests
{
    [Theory]
    [InlineData("silo")]
    [InlineData("api")]
    public void Target_EveryOne_RunsAsANonRootUser(string target)
    {
        var user = Dockerfile.Load().Stage(target).All("USER").LastOrDefault()?.Arguments;

        Assert.NotNull(user);
        Assert.DoesNotContain(user.Split(':')[0], new[] { "root", "0" });
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("api")]
    public void EntryPoint_OfEveryTarget_RunsTheAssemblyItPublishes(string target)
    {
        var dockerfile = Dockerfile.Load();
        var stage = dockerfile.Stage(target);
        var entryPoint = stage.All("ENTRYPOINT").Single().ExecForm();
        var copy = stage.All("COPY").Single(instruction => instruction.Flag("from") is not null);
        var (project, output) = Publishes(dockerfile, dockerfile.Stage(copy.Flag("from")!));

        Assert.NotNull(entryPoint);
        Assert.Equal("dotnet", entryPoint[0]);
        Assert.Equal(output.TrimEnd('/'), copy.Words.Where(word => !word.StartsWith("--", StringComparison.Ordinal)).First().TrimEnd('/'));
        Assert.Equal(AssemblyName(project) + ".dll", entryPoint[1]);
    }

    /// <summary>The project and output folder of the <c>dotnet publish</c> in the stage or a stage it is built from.</summary>
    private static (string Project, string Output) Publishes(Dockerfile dockerfile, DockerStage stage)
    {
        var words = dockerfile.Ancestry(stage)
            .SelectMany(ancestor => ancestor.All("RUN"))
            .Select(run => run.Words.ToList())
            .Single(run => run.Contains("publish"));
        var output = words.IndexOf("-o") is var o and >= 0 ? words[o + 1] : words[words.IndexOf("--output") + 1];
        return (words.Single(word => word.EndsWith(".csproj", StringComparison.Ordinal)), output);
    }

    /// <summary>The project's AssemblyName, or its file name when it sets none (MSBuild's default).</summary>
    internal static string AssemblyName(string project)
    {
        var path = Repository.FromRelative(project);
        var name = XDocument.Load(path).Descendants("AssemblyName").Select(element => element.Value).LastOrDefault();
        return string.IsNullOrWhiteSpace(name) ? Path.GetFileNameWithoutExtension(path) : name;
    }
}
