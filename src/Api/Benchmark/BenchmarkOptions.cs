namespace Recents.Api.Benchmark;

/// <summary>Hooks for benchmarks, all off by default; bound from the <c>Benchmark</c> configuration section.</summary>
public sealed class BenchmarkOptions
{
    public const string SectionName = "Benchmark";

    /// <summary>Maps <c>POST /benchmark/ceiling</c> (see <see cref="CeilingEndpoint"/>).</summary>
    public bool CeilingEndpoint { get; set; }
}
