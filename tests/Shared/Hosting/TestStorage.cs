namespace Recents.Tests.Shared;

public static class TestStorage
{
    public const string VariableName = "RECENTS_TEST_STORAGE";

    /// <summary>The Azurite that ./test.sh starts for the run; without it these tests cannot mean anything, so they fail.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{VariableName} is not set: run the tests with ./test.sh, which starts Azurite and sets it.");
}
