using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Recents.Bench.Tools;

/// <summary>
/// <c>world --users N --itwins T --out DIR --signing-key BASE64 --issuer I --audience A</c>: writes <c>seed.json</c>
/// (the directory, loaded by the API and the alternative at start) and <c>tokens.txt</c> (a bearer token per user,
/// line <c>i + 1</c> for user <c>i</c>, all from one client application).
/// </summary>
internal static class WorldCommand
{
    public static int Run(Arguments args)
    {
        var (users, iTwins, directory) = (args.Number("users"), args.Number("itwins"), args.Text("out"));
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "seed.json"), JsonSerializer.Serialize(Seed(users, iTwins)));

        var handler = new JsonWebTokenHandler();
        var credentials = new SigningCredentials(
            new SymmetricSecurityKey(Convert.FromBase64String(args.Text("signing-key"))), SecurityAlgorithms.HmacSha256);
        var tokens = Enumerable.Range(0, users).Select(user => handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = args.Text("issuer"),
            Audience = args.Text("audience"),
            Expires = DateTime.UtcNow.AddHours(4),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = BenchWorld.UserId(user), ["scope"] = "itwin-platform", ["client_id"] = "recents-bench",
            },
            SigningCredentials = credentials,
        }));
        File.WriteAllLines(Path.Combine(directory, "tokens.txt"), tokens);
        return 0;
    }

    private static object Seed(int users, int iTwins) => new
    {
        organizations = new[] { new { id = BenchWorld.OrganizationId, administrators = Array.Empty<string>() } },
        iTwins = Enumerable.Range(0, iTwins).Select(iTwin => new
        {
            id = BenchWorld.ITwinId(iTwin),
            organizationId = BenchWorld.OrganizationId,
            roles = new[] { new { id = BenchWorld.ViewerRoleId, permissions = new[] { "imodels_webview" } } },
            members = Enumerable.Range(0, users).Where(user => user % iTwins == iTwin)
                .Select(user => new { userId = BenchWorld.UserId(user), roleIds = new[] { BenchWorld.ViewerRoleId } }).ToArray(),
        }).ToArray(),
        iModels = Enumerable.Range(0, iTwins).SelectMany(iTwin => Enumerable.Range(1, BenchWorld.IModelsPerITwin).Select(iModel => new
        {
            id = BenchWorld.IModelId(iTwin, iModel),
            iTwinId = BenchWorld.ITwinId(iTwin),
            name = $"Bench iModel {iTwin}-{iModel}",
            description = "An iModel of the benchmark's directory.",
            state = "initialized",
            createdDateTime = "2026-11-01T00:00:00Z",
            extent = (object?)null,
            dataCenterLocation = "East US",
            rolePermissions = (object?)null,
            userPermissions = (object?)null,
        })).ToArray(),
    };
}
