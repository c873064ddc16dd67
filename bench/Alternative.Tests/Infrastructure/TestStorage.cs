namespace Recents.Bench.Alternative.Tests.Infrastructure;

public static class TestStorage
{
    public const string VariableName = "RECENTS_TEST_STORAGE";

    /// <summary>The Azurite that ./test.sh (or whoever runs these tests) started; without it these tests mean nothing, so they fail.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{VariableName} is not set: start Azurite and set it to its connection string (./test.sh does both).");
}
