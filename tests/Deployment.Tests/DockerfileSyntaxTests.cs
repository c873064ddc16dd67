using Recents.Deployment.Tests.Infrastructure;

namespace Recents.Deployment.Tests;

/// <summary>deploy/Dockerfile is made of Dockerfile instructions, builds with the SDK and runs on the ASP.NET runtime.</summary>
public sealed class DockerfileSyntaxTests
{
    [Fact]
    public void Instructions_EveryOne_IsADockerfileInstruction()
    {
        var unknown = Dockerfile.Load().Instructions
            .Where(instruction => !Dockerfile.KnownInstructions.Contains(instruction.Keyword))
            .Select(instruction => $"line {instruction.Line}: {instruction.Keyword}");

        Assert.Empty(unknown);
    }

    [Fact]
    public void Dockerfile_FirstInstruction_IsFrom()
    {
        var first = Dockerfile.Load().Instructions.SkipWhile(instruction => instruction.Keyword == "ARG").First();

        Assert.Equal("FROM", first.Keyword);
    }

    [Fact]
    public void Parser_ContinuationsAndComments_AreSeen()
    {
        var parsed = Dockerfile.Parse(["# comment", "FROM x AS y", "RUN a \\", "  # inner comment", "  && b", "", "ENV A=1 \\", "    B=2"]);

        Assert.Equal(["FROM", "RUN", "ENV"], parsed.Instructions.Select(instruction => instruction.Keyword));
        Assert.Equal("a && b", parsed.Instructions[1].Arguments);
        Assert.Equal("2", parsed.Stage("y").Environment["B"]);
    }

    [Fact]
    public void BaseImages_BuildAndRuntime_AreTheSdkAndTheAspNetRuntime()
    {
        var dockerfile = Dockerfile.Load();

        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", dockerfile.Stages[0].BaseImage);
        Assert.All(["silo", "api"], target => Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", dockerfile.Stage(target).BaseImage));
    }
}
