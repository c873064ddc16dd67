using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Console;
using Orleans.Configuration;
using Recents.Api.Admin;
using Recents.Api.Benchmark;
using Recents.Api.Errors;
using Recents.Api.Management;
using Recents.Api.Proxy;
using Recents.Api.RateLimiting;
using Recents.Hosting;
using Recents.Silo;

namespace Recents.Deployment.Tests.Infrastructure;

/// <summary>Which environment variables a process really reads.</summary>
internal static class ConfigurationKeys
{
    public const string BearerSection = "Authentication:Schemes:Bearer";

    /// <summary>
    /// The keys JwtBearer reads below <see cref="BearerSection"/> (ASP.NET Core's JwtBearerConfigureOptions):
    /// JwtBearerOptions settings and the token validation ones it copies into TokenValidationParameters.
    /// </summary>
    public static readonly IReadOnlySet<string> BearerKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Authority", "BackchannelTimeout", "Challenge", "ForwardAuthenticate", "ForwardChallenge", "ForwardDefault",
        "ForwardForbid", "ForwardSignIn", "ForwardSignOut", "IncludeErrorDetails", "MapInboundClaims", "MetadataAddress",
        "RefreshInterval", "RefreshOnIssuerKeyNotFound", "RequireHttpsMetadata", "SaveToken", "SigningKeys",
        "ValidateIssuer", "ValidIssuer", "ValidIssuers", "ValidateAudience", "ValidAudience", "ValidAudiences",
    };

    /// <summary>The console logger's section, which both hosts bind (the formatter's name, among others).</summary>
    public const string ConsoleSection = "Logging:Console";

    /// <summary>The settings of the console logger's formatter: only those every formatter has are accepted.</summary>
    public const string ConsoleFormatterSection = "Logging:Console:FormatterOptions";

    /// <summary>
    /// Sections the process binds to an options class (<c>AddOptions&lt;T&gt;().BindConfiguration(section)</c>): a key below
    /// them must be a property of the class, with a value of its type. A key belongs to the longest section it is below.
    /// </summary>
    public static IReadOnlyDictionary<string, Type> OptionsSections(ServiceProcess process) => process switch
    {
        ServiceProcess.Silo => new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
        {
            [ConsoleSection] = typeof(ConsoleLoggerOptions),
            [ConsoleFormatterSection] = typeof(ConsoleFormatterOptions),
            [ClusterConnectionOptions.SectionName] = typeof(ClusterConnectionOptions),
            [SiloEndpointOptions.SectionName] = typeof(SiloEndpointOptions),
            [SiloSetup.MembershipSection] = typeof(ClusterMembershipOptions),
            [SiloSetup.GrainCollectionSection] = typeof(GrainCollectionOptions),
            [GrainStateOptions.SectionName] = typeof(GrainStateOptions),
        },
        _ => new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
        {
            [ConsoleSection] = typeof(ConsoleLoggerOptions),
            [ConsoleFormatterSection] = typeof(ConsoleFormatterOptions),
            [ClusterConnectionOptions.SectionName] = typeof(ClusterConnectionOptions),
            [ManagementOptions.SectionName] = typeof(ManagementOptions),
            [RateLimitOptions.SectionName] = typeof(RateLimitOptions),
            [UnavailabilityOptions.SectionName] = typeof(UnavailabilityOptions),
            [ProxyHeadersOptions.SectionName] = typeof(ProxyHeadersOptions),
            [LinksOptions.SectionName] = typeof(LinksOptions),
            [SeedFileOptions.SectionName] = typeof(SeedFileOptions),
            [BenchmarkOptions.SectionName] = typeof(BenchmarkOptions),
        },
    };

    /// <summary>
    /// Variables read by their own name rather than as a configuration key: every .NET host reads DOTNET_*, only
    /// the web host (the API) reads ASPNETCORE_*.
    /// </summary>
    public static IReadOnlySet<string> HostVariables(ServiceProcess process) => process == ServiceProcess.Silo
        ? new HashSet<string>(StringComparer.Ordinal) { "DOTNET_ENVIRONMENT" }
        : new HashSet<string>(StringComparer.Ordinal)
        {
            "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "ASPNETCORE_URLS",
        };

    /// <summary>The leaf keys of the process's appsettings files (such as <c>ForwardedHeaders:Enabled</c>).</summary>
    public static IReadOnlySet<string> AppSettingsKeys(ServiceProcess process)
    {
        var builder = new ConfigurationBuilder();
        foreach (var file in System.IO.Directory.EnumerateFiles(process.SourceDirectory(), "appsettings*.json"))
        {
            builder.AddJsonFile(file);
        }

        return builder.Build().AsEnumerable()
            .Where(pair => pair.Value is not null)
            .Select(pair => pair.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Why the process would not read this variable (or not accept its value); null when it does.</summary>
    public static string? Problem(ServiceProcess process, EnvironmentVariable variable)
    {
        if (!variable.Name.Contains("__", StringComparison.Ordinal))
        {
            return HostVariables(process).Contains(variable.Name)
                ? null
                : $"{variable.Name} ({variable.Source}) is neither Section__Key nor a variable the {process} host reads";
        }

        var key = variable.Name.Replace("__", ":", StringComparison.Ordinal);
        var section = OptionsSections(process)
            .Where(pair => key.StartsWith(pair.Key + ":", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(pair => pair.Key.Length)
            .FirstOrDefault();
        if (section.Value is not null)
        {
            return BindingProblem(key, variable, section.Key, section.Value);
        }

        if (process == ServiceProcess.Api && key.StartsWith(BearerSection + ":", StringComparison.OrdinalIgnoreCase))
        {
            var setting = key[(BearerSection.Length + 1)..].Split(':')[0];
            return BearerKeys.Contains(setting) ? null : $"{variable.Name} ({variable.Source}): JwtBearer reads no '{setting}'";
        }

        return key.StartsWith("Logging:LogLevel:", StringComparison.OrdinalIgnoreCase) || AppSettingsKeys(process).Contains(key)
            ? null
            : $"{variable.Name} ({variable.Source}): {key} is not a key the {process} reads";
    }

    private static string? BindingProblem(string key, EnvironmentVariable variable, string section, Type options)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>(key, variable.Value)])
            .Build();
        try
        {
            configuration.GetSection(section).Get(options, binder => binder.ErrorOnUnknownConfiguration = true);
            return null;
        }
        catch (InvalidOperationException exception)
        {
            return $"{variable.Name} ({variable.Source}) does not bind to {options.Name}: {exception.Message}";
        }
    }
}
