namespace Recents.Integration.Tests.Processes;

/// <summary>Where the repository and the service's build output are, seen from the test binaries.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The test binaries' configuration (Debug or Release): the solution build put the service's there too.</summary>
    private static string Configuration { get; } = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    /// <summary>The output folder of a service project, e.g. <c>src/Silo/bin/Debug/net10.0</c>; its content root.</summary>
    public static string OutputOf(string project)
    {
        var directory = Path.Combine(Root, "src", project, "bin", Configuration, "net10.0");
        return Directory.Exists(directory)
            ? directory
            : throw new InvalidOperationException($"{directory} does not exist: build the solution first.");
    }

    public static string AzuriteTable => Path.Combine(Root, "node_modules", ".bin", "azurite-table");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "run.sh")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("run.sh not found above the test binaries.");
    }
}
