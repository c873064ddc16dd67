namespace Recents.Grains.Tests;

/// <summary>The real Azure Table storage (Azurite locally) that storage tests run against.</summary>
internal static class TestStorage
{
    public const string ConnectionStringVariable = "RECENTS_TEST_STORAGE";

    /// <summary>The connection string, or an exception that fails the test: these tests must never pass without storage.</summary>
    public static string ConnectionString() =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"{ConnectionStringVariable} is not set. The storage tests need real Azure Table storage: run ./test.sh, "
                + "which starts Azurite and sets it, or start Azurite (scripts/common.sh: start_azurite) and export "
                + $"{ConnectionStringVariable}=\"$(azurite_connection_string <port>)\".");
}
