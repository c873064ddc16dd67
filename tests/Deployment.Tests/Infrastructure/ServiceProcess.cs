using k8s.Models;
using Microsoft.Extensions.Configuration;

namespace Recents.Deployment.Tests.Infrastructure;

/// <summary>The two processes of the service: each is a Dockerfile target and a Deployment.</summary>
public enum ServiceProcess
{
    Silo,
    Api,
}

/// <summary>A variable a process sees, with where it is set.</summary>
internal sealed record EnvironmentVariable(string Name, string Value, string Source);

internal static class ServiceProcesses
{
    public static string Target(this ServiceProcess process) => process == ServiceProcess.Silo ? "silo" : "api";

    public static V1Deployment Deployment(this ServiceProcess process) =>
        process == ServiceProcess.Silo ? Manifests.Silo : Manifests.Api;

    public static string SourceDirectory(this ServiceProcess process) =>
        Repository.Combine("src", process == ServiceProcess.Silo ? "Silo" : "Api");

    /// <summary>The image's <c>ENV</c> (from the Dockerfile target).</summary>
    public static IReadOnlyList<EnvironmentVariable> ImageVariables(this ServiceProcess process) =>
        Dockerfile.Load().Stage(process.Target()).Environment
            .Select(pair => new EnvironmentVariable(pair.Key, pair.Value, $"Dockerfile target {process.Target()}"))
            .ToList();

    /// <summary>The container's <c>env</c> in its Deployment; values Kubernetes fills in at start get stand-ins.</summary>
    public static IReadOnlyList<EnvironmentVariable> ContainerVariables(this ServiceProcess process) =>
        (process.Deployment().OnlyContainer().Env ?? [])
            .Select(variable => new EnvironmentVariable(variable.Name, variable.Value ?? StandIn(variable), $"Deployment {process.Deployment().Metadata.Name}"))
            .ToList();

    /// <summary>The process's configuration in the pod: its appsettings.json, then the image's and the pod's variables.</summary>
    public static IConfiguration Configuration(this ServiceProcess process) => Configuration(process, process.ImageVariables().Concat(process.ContainerVariables()));

    /// <summary>The process's configuration as the image alone sets it (no Kubernetes).</summary>
    public static IConfiguration ImageConfiguration(this ServiceProcess process) => Configuration(process, process.ImageVariables());

    private static IConfiguration Configuration(ServiceProcess process, IEnumerable<EnvironmentVariable> variables)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var variable in variables)
        {
            values[variable.Name.Replace("__", ":", StringComparison.Ordinal)] = variable.Value;
        }

        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(process.SourceDirectory(), "appsettings.json"), optional: false)
            .AddInMemoryCollection(values)
            .Build();
    }

    private static string StandIn(V1EnvVar variable) => variable.ValueFrom switch
    {
        { FieldRef.FieldPath: "status.podIP" } => "127.0.0.1",
        { SecretKeyRef: not null } when variable.Name.EndsWith("ConnectionString", StringComparison.Ordinal) => "UseDevelopmentStorage=true",
        _ => "set-by-kubernetes",
    };
}
