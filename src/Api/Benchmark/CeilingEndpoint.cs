using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Recents.Api.Authentication;
using Recents.Api.IModelLists;
using Recents.Api.RecentIModels;

namespace Recents.Api.Benchmark;

/// <summary>
/// <c>POST /benchmark/ceiling</c>, only when <see cref="BenchmarkOptions.CeilingEndpoint"/> is on: the request goes
/// through everything a <c>POST /imodels/recents/{id}</c> goes through (middleware, authentication, the same
/// authorization and rate-limiting policies, the Accept check, the body read) and answers 204 without calling
/// the cluster, so a benchmark can measure what the API costs before the grains. The rate limiter still leases its
/// permits from the cluster, once per batch, as it does for every request (<c>RateLimits:Enabled=false</c> takes it
/// out). Not in the OpenAPI document: it is not part of the API (docs/api.md).
/// </summary>
public static class CeilingEndpoint
{
    public const string Path = GroupPrefix + CeilingRoute;

    private const string GroupPrefix = "/benchmark";
    private const string CeilingRoute = "/ceiling";

    public static IServiceCollection AddBenchmarkHooks(this IServiceCollection services)
    {
        services.AddOptions<BenchmarkOptions>().BindConfiguration(BenchmarkOptions.SectionName);
        return services;
    }

    /// <summary>Maps the endpoint only when it is switched on, so that otherwise its route does not exist at all.</summary>
    public static IEndpointRouteBuilder MapBenchmarkCeiling(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<BenchmarkOptions>>().Value.CeilingEndpoint)
        {
            return app;
        }

        app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CeilingEndpoint)).LogWarning(
            "{Setting} is on: POST {Path} answers 204 to any caller allowed to add recents, without doing anything. For benchmarks only.",
            $"{BenchmarkOptions.SectionName}:{nameof(BenchmarkOptions.CeilingEndpoint)}", Path);
        app.MapGroup(GroupPrefix)
            .WithUserListPipeline()
            .ExcludeFromDescription()
            .MapPost(CeilingRoute, Ceiling);
        return app;
    }

    /// <summary>What the add's handler does before it calls the cluster: read the caller's user id.</summary>
    private static NoContent Ceiling(ClaimsPrincipal user)
    {
        _ = user.UserId();
        return TypedResults.NoContent();
    }
}
