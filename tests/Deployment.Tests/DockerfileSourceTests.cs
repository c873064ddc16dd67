using System.Text.RegularExpressions;
using Recents.Deployment.Tests.Infrastructure;

namespace Recents.Deployment.Tests;

/// <summary>What the Dockerfile copies and builds is in the repository and in the build context.</summary>
public sealed partial class DockerfileSourceTests
{
    /// <summary>The sources of every COPY from the build context (not <c>--from</c> another stage).</summary>
    private static IEnumerable<string> CopySources() => Dockerfile.Load().Instructions
        .Where(instruction => instruction.Keyword is "COPY" or "ADD" && instruction.Flag("from") is null)
        .SelectMany(instruction =>
        {
            var words = instruction.Words.Where(word => !word.StartsWith("--", StringComparison.Ordinal)).ToList();
            return words.Take(words.Count - 1);
        });

    [Fact]
    public void CopySources_EveryOne_ExistsInTheRepository()
    {
        var sources = CopySources().ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, source =>
        {
            var path = Repository.FromRelative(source);
            Assert.True(File.Exists(path) || System.IO.Directory.Exists(path), $"COPY {source}: not in the repository");
        });
    }

    [Fact]
    public void CopySources_NoneOfThem_IsLeftOutOfTheBuildContext()
    {
        var ignore = DockerIgnore.Load();

        Assert.All(CopySources(), source => Assert.False(ignore.Excludes(source), $"COPY {source}: excluded by .dockerignore"));
    }

    [Fact]
    public void DockerIgnore_BuildOutputAndDependencies_AreKeptOut()
    {
        var ignore = DockerIgnore.Load();

        Assert.All(["src/Api/bin/Debug/x.dll", "src/Silo/obj/project.assets.json", "node_modules/azurite", ".data/logs", ".git/HEAD"],
            path => Assert.True(ignore.Excludes(path), $"{path} would be sent to the build"));
    }

    [Fact]
    public void RestoredOrPublishedProjects_EveryOne_Exists()
    {
        var projects = Dockerfile.Load().Instructions
            .Where(instruction => instruction.Keyword == "RUN")
            .SelectMany(instruction => DotnetProject().Matches(instruction.Arguments))
            .Select(match => match.Groups[1].Value)
            .ToList();

        Assert.Contains(projects, project => project.EndsWith("Silo.csproj", StringComparison.Ordinal));
        Assert.Contains(projects, project => project.EndsWith("Api.csproj", StringComparison.Ordinal));
        Assert.All(projects, project => Assert.True(File.Exists(Repository.FromRelative(project)), $"{project}: not in the repository"));
    }

    [GeneratedRegex(@"dotnet\s+(?:restore|publish|build)\s+(\S+\.csproj)")]
    private static partial Regex DotnetProject();
}
