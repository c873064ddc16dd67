using System.Text;
using System.Text.Json.Nodes;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests.Hostile;

/// <summary>Bodies for <c>PUT /admin/...</c>: valid ones for fresh ids, unclear ones, and ones that are invalid for certain.</summary>
public static class AdminBodies
{
    private static readonly string[] GenericInvalid =
    [
        "", "{", "}", "null", "[]", "123", "\"text\"", "true", "{\"a\":", "{}", "<organization/>", "administrators=a&x=b",
        "{\"administrators\":[],}", "{'administrators':[]}", "{administrators:[]}", "\u0000", "[{}]",
    ];

    /// <summary>A body that no resource accepts, whatever it is: broken JSON, the wrong JSON type, deep nesting, bad bytes.</summary>
    public static (string Kind, byte[] Body) Invalid(Random rng, string resource)
    {
        switch (rng.Next(8))
        {
            case 0:
                return ("nested 5000 deep", Bytes(new string('[', 5000) + new string(']', 5000)));
            case 1:
                return ("objects nested 3000 deep", Bytes(string.Concat(Enumerable.Repeat("{\"x\":", 3000)) + "1" + new string('}', 3000)));
            case 2:
                return ("invalid UTF-8", [.. Bytes("{\"administrators\":[\""), 0xFF, 0xFE, 0xC0, 0xAF, .. Bytes("\"]}")]);
            case 3:
                return ("UTF-16", Encoding.Unicode.GetBytes(ValidJson(rng, resource)));
            case 4:
                return ("random bytes", RandomBytes(rng, rng.Next(1, 2000)));
            case 5:
                return ("another resource's body", Bytes(resource == AdminApi.Organizations ? ValidJson(rng, AdminApi.ITwins) : ValidJson(rng, AdminApi.Organizations)));
            default:
            {
                var text = GenericInvalid[rng.Next(GenericInvalid.Length)];
                return ($"invalid JSON '{HostileRequest.Shorten(text, 30)}'", Bytes(text));
            }
        }
    }

    /// <summary>The stored body of a world resource with one field made invalid for certain.</summary>
    public static (string Kind, byte[] Body) Corrupt(Random rng, string resource, string stored)
    {
        var body = JsonNode.Parse(stored)!.AsObject();
        string kind;
        switch (resource)
        {
            case AdminApi.Organizations:
                kind = Set(body, "administrators", Pick(rng, Null, Remove, Str("alice"), Arr(Null), Arr(Str("")), Arr(Str(new string('u', 129))),
                    Arr(Str("bad\u0001id")), Arr(Num(123)), Obj(), Arr(Str("zero\u200dwidth"))));
                break;
            case AdminApi.ITwins:
                kind = rng.Next(6) switch
                {
                    0 => Set(body, "organizationId", Pick(rng, Null, Remove, Str("x"), Str("{" + Guid.NewGuid() + "}"), Num(5), Str(""))),
                    1 => Set(body, "roles", Pick(rng, Null, Remove, Str("x"), Arr(Null), Obj())),
                    2 => Set(First(body, "roles"), "id", Pick(rng, Str("x"), Null, Remove, Str(Guid.NewGuid().ToString("N")))),
                    3 => Set(First(body, "roles"), "permissions", Pick(rng, Null, Arr(Str("")), Arr(Null), Str("imodels_webview"), Arr(Str("   ")))),
                    4 => Set(body, "members", Pick(rng, Null, Remove, Str("everyone"), Arr(Null))),
                    _ => rng.Next(2) == 0
                        ? Set(First(body, "members"), "userId", Pick(rng, Str(""), Null, Str(new string('m', 129)), Str("bell\u0007"), Num(1)))
                        : Set(First(body, "members"), "roleIds", Pick(rng, Null, Arr(Str("x")), Arr(Null), Str(Guid.NewGuid().ToString()))),
                };
                break;
            default:
                kind = rng.Next(9) switch
                {
                    0 => Set(body, "iTwinId", Pick(rng, Null, Remove, Str("x"), Str(""), Num(1))),
                    1 => Set(body, "name", Pick(rng, Str(""), Str("   "), Null, Remove, Num(5), Arr())),
                    2 => Set(body, "state", Pick(rng, Str("INITIALIZED"), Str("deleted"), Null, Remove, Str(""), Num(0))),
                    3 => Set(body, "createdDateTime", Pick(rng, Str("yesterday"), Str(""), Null, Remove, Str("2024-13-45T99:00:00Z"), Num(5))),
                    4 => Set(body, "dataCenterLocation", Pick(rng, Str(""), Null, Remove, Str(" \t "))),
                    5 => Set(body, "extent", Pick(rng, Extent(91, 0, 0, 0), Extent(0, -181, 0, 0), Extent(-90.5, 0, 0, 0), Obj(), Str("x"),
                        JsonNode.Parse("""{"southWest":null,"northEast":null}"""))),
                    6 => Both(body),
                    7 => Set(body, "description", Pick(rng, Num(5), Arr(), Obj())),
                    _ => Set(body, body["rolePermissions"] is JsonArray ? "rolePermissions" : "userPermissions",
                        Pick(rng, Arr(Null), Str("x"), JsonNode.Parse("""[{"roleId":"x","permissions":["imodels_webview"]}]"""),
                            JsonNode.Parse("""[{"userId":"","permissions":["imodels_webview"]}]"""), JsonNode.Parse("""[{"permissions":null}]"""))),
                };
                break;
        }

        return ($"stored body with {kind}", Bytes(body.ToJsonString()));
    }

    /// <summary>A valid body for a fresh id (odd but allowed values included).</summary>
    public static (string Kind, byte[] Body) Valid(Random rng, string resource) => ("valid", Bytes(ValidJson(rng, resource)));

    /// <summary>
    /// Forms docs/api.md does not settle: a byte-order mark, duplicate or differently-cased property names, unknown
    /// properties, comments, dates in other formats. 204, 415 or 422 are all acceptable, and they only ever go to fresh ids.
    /// </summary>
    public static (string Kind, byte[] Body) Unclear(Random rng, string resource)
    {
        var json = ValidJson(rng, resource);
        switch (rng.Next(8))
        {
            case 0: return ("byte-order mark", [0xEF, 0xBB, 0xBF, .. Bytes(json)]);
            case 1: return ("duplicate property", Bytes(json.Insert(1, resource == AdminApi.Organizations ? "\"administrators\":null," : "\"x\":1,\"x\":2,")));
            case 2: return ("unknown property", Bytes(json.Insert(1, "\"unknown\":{\"deep\":[1,2,3]},")));
            case 3: return ("upper-case property names", Bytes(json.Replace("\"administrators\"", "\"ADMINISTRATORS\"", StringComparison.Ordinal).Replace("\"name\"", "\"NAME\"", StringComparison.Ordinal)));
            case 4: return ("a comment", Bytes("/* hi */" + json));
            case 5: return ("trailing whitespace and newlines", Bytes(json + "\r\n\t  \n"));
            case 6:
            {
                var body = JsonNode.Parse(ValidJson(rng, AdminApi.IModels))!.AsObject();
                body["createdDateTime"] = new[] { "2024-01-01", "01/02/2024", "2024-01-01T00:00:00", "Mon, 01 Jan 2024 00:00:00 GMT", "2024-W01-1" }[rng.Next(5)];
                return ("iModel with a non-ISO date", Bytes(body.ToJsonString()));
            }

            default:
            {
                var body = JsonNode.Parse(ValidJson(rng, AdminApi.IModels))!.AsObject();
                body["state"] = "Initialized";
                return ("iModel state in another case", Bytes(body.ToJsonString()));
            }
        }
    }

    public static string ValidJson(Random rng, string resource)
    {
        switch (resource)
        {
            case AdminApi.Organizations:
                return new JsonObject { ["administrators"] = IModelSpec.Strings(Enumerable.Range(0, rng.Next(0, 5)).Select(_ => UserId(rng))) }.ToJsonString();
            case AdminApi.ITwins:
            {
                var roles = Enumerable.Range(0, rng.Next(0, 4)).Select(_ => Guid.NewGuid()).ToList();
                return new JsonObject
                {
                    ["organizationId"] = Guid.NewGuid().ToString(),
                    ["roles"] = new JsonArray([.. roles.Select(id => (JsonNode)new JsonObject
                    {
                        ["id"] = id.ToString(),
                        ["permissions"] = IModelSpec.Strings(["imodels_webview", "x-" + RandomText.Base64Url(rng, 5)]),
                    })]),
                    ["members"] = new JsonArray([.. Enumerable.Range(0, rng.Next(0, 4)).Select(_ => (JsonNode)new JsonObject
                    {
                        ["userId"] = UserId(rng),
                        ["roleIds"] = IModelSpec.Strings(roles.Count == 0 ? [] : [roles[rng.Next(roles.Count)].ToString()]),
                    })]),
                }.ToJsonString();
            }

            default:
            {
                var permissions = rng.Next(3);
                return new IModelSpec
                {
                    Name = rng.Next(4) == 0 ? "名前 😀 <b>&amp;</b> \"quoted\"" : "sandbox " + RandomText.Base64Url(rng, 8),
                    Description = rng.Next(2) == 0 ? null : RandomText.Printable(rng, rng.Next(0, 300)),
                    State = rng.Next(2) == 0 ? "initialized" : "notInitialized",
                    CreatedDateTime = new[] { "2024-01-01T00:00:00Z", "1999-12-31T23:59:59.9999999+14:00", "2038-01-19T03:14:08-05:30", "2024-02-29T12:00:00.5Z" }[rng.Next(4)],
                    Extent = rng.Next(2) == 0 ? null : new GeoExtent(-90, -180, 90, 180),
                    DataCenterLocation = rng.Next(2) == 0 ? "East US" : "日本",
                    RolePermissions = permissions == 1 ? [new RolePermission(Guid.NewGuid(), "imodels_webview")] : null,
                    UserPermissions = permissions == 2 ? [new UserPermission(UserId(rng), "imodels_webview", "other")] : null,
                }.ToJson(Guid.NewGuid()).ToJsonString();
            }
        }
    }

    /// <summary>A valid user id with the characters that trouble storage keys and logs.</summary>
    private static string UserId(Random rng) => rng.Next(4) switch
    {
        0 => "a/b\\c#d?e",
        1 => RandomText.Printable(rng, rng.Next(1, 129)),
        2 => new string('w', 128),
        _ => "用户 😀",
    };

    private static string Set(JsonObject target, string property, JsonNode? value)
    {
        if (ReferenceEquals(value, RemoveMarker))
        {
            target.Remove(property);
            return $"{property} removed";
        }

        target[property] = value;
        return $"{property} = {HostileRequest.Shorten(value?.ToJsonString() ?? "null", 40)}";
    }

    private static string Both(JsonObject body)
    {
        body["rolePermissions"] = JsonNode.Parse($$"""[{"roleId":"{{Guid.NewGuid()}}","permissions":["imodels_webview"]}]""");
        body["userPermissions"] = JsonNode.Parse("""[{"userId":"someone","permissions":["imodels_webview"]}]""");
        return "both rolePermissions and userPermissions";
    }

    private static JsonObject First(JsonObject body, string arrayProperty) =>
        body[arrayProperty]!.AsArray().Count > 0 ? body[arrayProperty]![0]!.AsObject() : NewElement(body, arrayProperty);

    private static JsonObject NewElement(JsonObject body, string arrayProperty)
    {
        var element = new JsonObject();
        body[arrayProperty]!.AsArray().Add(element);
        return element;
    }

    private static readonly JsonNode RemoveMarker = JsonValue.Create("<remove>");

    private static JsonNode? Null => null;

    private static JsonNode Remove => RemoveMarker;

    private static JsonNode? Pick(Random rng, params JsonNode?[] choices)
    {
        var choice = choices[rng.Next(choices.Length)];
        // A node can have one parent: hand out a copy, except the removal marker, which is compared by reference.
        return choice is null || ReferenceEquals(choice, RemoveMarker) ? choice : choice.DeepClone();
    }

    private static JsonNode Str(string value) => JsonValue.Create(value);

    private static JsonNode Num(int value) => JsonValue.Create(value);

    private static JsonNode Arr(params JsonNode?[] items) => new JsonArray(items);

    private static JsonNode Obj() => new JsonObject();

    private static JsonNode Extent(double swLat, double swLon, double neLat, double neLon) => new GeoExtent(swLat, swLon, neLat, neLon).ToJson();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] RandomBytes(Random rng, int length)
    {
        var bytes = new byte[length];
        rng.NextBytes(bytes);
        // Never valid JSON by accident: start with a byte no JSON text starts with.
        bytes[0] = 0xFF;
        return bytes;
    }
}
