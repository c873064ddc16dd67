using System.Text;
using System.Text.Json.Nodes;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests.Hostile;

/// <summary>An admin request (docs/api.md#directory-administration) and the responses it may get.</summary>
public sealed record AdminCall(string Name, HttpMethod Method, string Path, byte[]? Body, string? ContentType, List<Outcome> Outcomes);

/// <summary>
/// Admin requests: reads, idempotent re-PUTs of the world as stored, and PUTs that must be refused. Nothing here may
/// change the world: a body that might be valid goes only to fresh "sandbox" ids that no list refers to, and the
/// world's resources only ever receive their stored body again or a body that is invalid for certain.
/// </summary>
public static class AdminCases
{
    private static readonly string[] Resources = [AdminApi.Organizations, AdminApi.ITwins, AdminApi.IModels];

    private static readonly string[] OddContentTypes =
        ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ";;;", "application/json; charset=utf-16"];

    private static readonly string[] JunkIds = ["x", "null", "%7Bg%7D", "a%2Fb", "..", "%20", "00000000000000000000000000000000"];

    public static AdminCall Generate(Random rng, HostileWorld world, TokenCase token)
    {
        var resource = Resources[rng.Next(Resources.Length)];
        var roll = rng.Next(100);
        var method = roll switch
        {
            < 35 => HttpMethod.Get,
            < 82 => HttpMethod.Put,
            < 94 => HttpMethod.Delete,
            < 97 => HttpMethod.Post,
            _ => HttpMethod.Patch,
        };
        var notFound = resource switch
        {
            AdminApi.Organizations => "OrganizationNotFound",
            AdminApi.ITwins => "iTwinNotFound",
            _ => "iModelNotFound",
        };

        // Which id: one of the world's (as stored, or upper case), a fresh one, or not a GUID at all.
        var worldIds = world.StoredBodies.Keys.Where(key => key.Resource == resource).Select(key => key.Id).ToList();
        var idRoll = rng.Next(100);
        var target = idRoll < 55 && method != HttpMethod.Delete ? worldIds[rng.Next(worldIds.Count)] : Guid.NewGuid();
        var isWorld = idRoll < 55 && method != HttpMethod.Delete;
        string? junkId = idRoll >= 92 ? JunkIds[rng.Next(JunkIds.Length)] : null;
        var idText = junkId ?? (rng.Next(6) == 0 ? target.ToString().ToUpperInvariant() : target.ToString());
        var path = $"/admin/{resource}/{idText}";
        var name = $"{method} {resource} {(junkId is not null ? "junk id" : isWorld ? "world id" : "fresh id")}";

        if (junkId is ".." or "%20")
        {
            // The path collapses or ends in a blank segment: no route, or the id check; some 4xx in any case.
            return new(name, method, path, null, null, [Outcome.AnyClientError]);
        }

        if (method == HttpMethod.Post || method == HttpMethod.Patch || (method == HttpMethod.Delete && resource != AdminApi.IModels))
        {
            return new(name, method, path, null, null, [new(405, "MethodNotAllowed")]);
        }

        var outcomes = new List<Outcome>();
        if (!Expectations.Authenticate(token, admin: true, outcomes))
        {
            var (smallBody, smallType) = method == HttpMethod.Put ? (Bytes("{}"), "application/json") : (null, null);
            return new(name + " (refused token)", method, path, smallBody, smallType, outcomes);
        }

        if (junkId is not null)
        {
            outcomes.Add(new(404, junkId.Contains("%2F", StringComparison.Ordinal) ? null : notFound));
            return new(name, method, path, method == HttpMethod.Put ? Bytes("{}") : null, method == HttpMethod.Put ? "application/json" : null, outcomes);
        }

        if (method == HttpMethod.Get)
        {
            var exists = isWorld && !(resource == AdminApi.IModels && target == world.DeletedIModel.Id);
            outcomes.Add(exists ? new(200) : new(404, notFound));
            return new(name, method, path, null, null, outcomes);
        }

        if (method == HttpMethod.Delete)
        {
            outcomes.Add(new(204));
            return new(name, method, path, null, null, outcomes);
        }

        return Put(rng, world, resource, target, isWorld, name, method, path, outcomes, token.Kind == AuthKind.Authenticated);
    }

    private static AdminCall Put(
        Random rng, HostileWorld world, string resource, Guid target, bool isWorld, string name, HttpMethod method, string path,
        List<Outcome> outcomes, bool mayUploadLarge)
    {
        var contentType = rng.Next(10) switch
        {
            < 7 => "application/json",
            7 => "application/json; charset=utf-8",
            8 => null,
            _ => OddContentTypes[rng.Next(OddContentTypes.Length)],
        };
        var oddType = contentType is null || !contentType.StartsWith("application/json", StringComparison.Ordinal) || contentType.Contains("utf-16", StringComparison.Ordinal);
        var roll = rng.Next(100);
        string kind;
        byte[] body;
        if (mayUploadLarge && roll < 4)
        {
            kind = "over 1 MiB";
            body = Bytes(Oversized(rng, resource));
            // Refused on its declared length, before authentication looks at the token.
            outcomes.Clear();
            outcomes.Add(new(413, "RequestTooLarge"));
            return new($"{name}: {kind}", method, path, body, "application/json", outcomes);
        }

        var isDeleted = isWorld && resource == AdminApi.IModels && target == world.DeletedIModel.Id;
        if (isWorld)
        {
            var stored = world.StoredBodies[(resource, target)];
            if (roll < 20 && !isDeleted)
            {
                kind = "the stored body again (idempotent)";
                body = Bytes(stored);
                outcomes.Add(new(204));
            }
            else if (roll < 65)
            {
                (kind, body) = AdminBodies.Corrupt(rng, resource, stored);
                outcomes.Add(new(422, "InvalidRequestBody"));
            }
            else if (roll < 80 && resource == AdminApi.IModels)
            {
                kind = "moved to another iTwin";
                var moved = JsonNode.Parse(stored)!.AsObject();
                moved["iTwinId"] = (rng.Next(2) == 0 ? (moved["iTwinId"]!.GetValue<string>() == world.ITwinA.ToString() ? world.ITwinB : world.ITwinA) : Guid.NewGuid()).ToString();
                body = Bytes(moved.ToJsonString());
                outcomes.Add(new(422, "InvalidRequestBody"));
            }
            else
            {
                (kind, body) = AdminBodies.Invalid(rng, resource);
                outcomes.Add(new(422, "InvalidRequestBody"));
            }
        }
        else if (roll < 45)
        {
            (kind, body) = AdminBodies.Valid(rng, resource);
            outcomes.Add(new(204));
        }
        else if (roll < 70)
        {
            (kind, body) = AdminBodies.Unclear(rng, resource);
            outcomes.AddRange([new(204), new(415), new(422, "InvalidRequestBody")]);
        }
        else
        {
            (kind, body) = AdminBodies.Invalid(rng, resource);
            outcomes.Add(new(422, "InvalidRequestBody"));
        }

        if (oddType)
        {
            // docs/api.md lists 415 among the envelope statuses without saying when; a server may refuse a non-JSON type.
            outcomes.Add(new(415));
        }

        return new($"{name}: {kind}", method, path, body, contentType, outcomes);
    }

    private static string Oversized(Random rng, string resource)
    {
        var huge = RandomText.Base64Url(rng, rng.Next(1100 * 1024, 1500 * 1024));
        return resource switch
        {
            AdminApi.Organizations => $$"""{"administrators":["{{huge}}"]}""",
            AdminApi.ITwins => $$"""{"organizationId":"{{Guid.NewGuid()}}","roles":[],"members":[{"userId":"{{huge}}","roleIds":[]}]}""",
            _ => new IModelSpec { Name = huge }.ToJson(Guid.NewGuid()).ToJsonString(),
        };
    }

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
