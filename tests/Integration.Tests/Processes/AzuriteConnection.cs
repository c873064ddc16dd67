namespace Recents.Integration.Tests.Processes;

/// <summary>The connection string of an Azurite table service on 127.0.0.1, with the emulator's well-known account.</summary>
internal static class AzuriteConnection
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static string For(int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
}
