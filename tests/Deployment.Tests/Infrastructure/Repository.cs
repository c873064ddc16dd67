namespace Recents.Deployment.Tests.Infrastructure;

/// <summary>Paths in the repository the tests run from (found by walking up to <c>Recents.sln</c>).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string KubernetesDirectory => Combine("deploy", "k8s");

    public static string Dockerfile => Combine("deploy", "Dockerfile");

    public static string DockerIgnore => Combine(".dockerignore");

    public static string Combine(params string[] relative) => Path.Combine([Root, .. relative]);

    /// <summary>A path as written in the Dockerfile or a manifest (forward slashes, relative to the root).</summary>
    public static string FromRelative(string relative)
    {
        var path = relative.StartsWith("./", StringComparison.Ordinal) ? relative[2..] : relative;
        return Path.Combine(Root, path.TrimStart('/').Replace('/', Path.DirectorySeparatorChar));
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Recents.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Recents.sln above {AppContext.BaseDirectory}.");
    }
}
