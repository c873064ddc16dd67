using System.Net;

namespace Recents.Integration.Tests.Processes;

/// <summary>The connection string of an Azurite table service, with the emulator's well-known account.</summary>
internal static class AzuriteConnection
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Azurite on 127.0.0.1.</summary>
    public static string For(int tablePort) => For(new IPEndPoint(IPAddress.Loopback, tablePort));

    /// <summary>Azurite, or a proxy in front of it, at <paramref name="table"/>.</summary>
    public static string For(IPEndPoint table) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://{table}/devstoreaccount1;";
}
