using System.Net;
using System.Net.Http.Headers;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Recents.Integration.Tests.Processes;

namespace Recents.Integration.Tests;

/// <summary>The whole service as <c>./run.sh</c> runs it: Azurite, a silo process and an API process, over HTTP.</summary>
public sealed class RunScriptTests : IDisposable
{
    private const string DemoITwin = "5a1ce3f0-0000-4000-8000-000000000001";
    private static readonly string[] DemoIModels =
        ["1e0de100-0000-4000-8000-000000000001", "1e0de100-0000-4000-8000-000000000002", "1e0de100-0000-4000-8000-000000000003"];

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("recents-run-").FullName;

    [Fact]
    public async Task RunScript_ThreeSilosThenOneAcrossARestart_ServeTheDemoUserAndKeepTheList()
    {
        int apiPort;
        await using (var first = await RunScript.StartAsync(dataDirectory, silos: 3))
        {
            apiPort = first.ApiBaseAddress.Port;
            using var http = new HttpClient { BaseAddress = first.ApiBaseAddress };
            foreach (var iModel in DemoIModels)
            {
                using var added = await SendAsync(http, HttpMethod.Post, $"/imodels/recents/{iModel}", first.UserToken);
                Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
            }

            using var anonymous = await http.GetAsync($"/imodels/recents?iTwinId={DemoITwin}");
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(DemoIModels.Reverse(), await ListAsync(http, first.UserToken));

            var ports = Regex.Match(first.Output, @"silo gateways (\d+) (\d+) (\d+), Azurite table (\d+)");
            Assert.True(ports.Success, first.Output);
            var gateways = ports.Groups.Values.Skip(1).Take(3).Select(group => int.Parse(group.Value, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(3, gateways.Distinct().Count());

            Assert.Equal(0, await first.StopAsync());
            Assert.False(LocalPorts.IsListening(apiPort), "the API still listens after run.sh stopped");
            Assert.All(gateways, gateway => Assert.False(LocalPorts.IsListening(gateway), $"the silo on gateway {gateway} still listens"));
            Assert.False(LocalPorts.IsListening(int.Parse(ports.Groups[4].Value, CultureInfo.InvariantCulture)), "Azurite still listens");
        }

        await using var second = await RunScript.StartAsync(dataDirectory);
        using var again = new HttpClient { BaseAddress = second.ApiBaseAddress };
        Assert.Equal(DemoIModels.Reverse(), await ListAsync(again, second.UserToken));

        using var adminRead = await SendAsync(again, HttpMethod.Get, $"/admin/itwins/{DemoITwin}", second.AdminToken);
        Assert.Equal(HttpStatusCode.OK, adminRead.StatusCode);
    }

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    private static async Task<IReadOnlyList<string>> ListAsync(HttpClient http, string token)
    {
        using var response = await SendAsync(http, HttpMethod.Get, $"/imodels/recents?iTwinId={DemoITwin}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("iModels").EnumerateArray().Select(item => item.GetProperty("id").GetString()!).ToList();
    }
}
