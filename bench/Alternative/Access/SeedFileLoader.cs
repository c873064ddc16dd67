using System.Text.Json;
using Recents.PlatformDirectory;

namespace Recents.Bench.Alternative.Access;

/// <summary>
/// Loads <c>Directory:SeedFile</c> into the directory table at start: the Orleans API's seed-file shape
/// (demo/seed.json), <c>{"organizations": [...], "iTwins": [...], "iModels": [...]}</c>, each item an admin PUT body
/// plus its <c>id</c>, so one file seeds both services. Every item is checked before any is written; rows are
/// upserts, so loading the same file again changes nothing.
/// </summary>
public sealed class SeedFileLoader(IConfiguration configuration, DirectoryStore store, ILogger<SeedFileLoader> logger)
{
    public const string SeedFileKey = "Directory:SeedFile";

    private sealed record SeedFile(
        IReadOnlyList<JsonElement>? Organizations, IReadOnlyList<JsonElement>? ITwins, IReadOnlyList<JsonElement>? IModels);

    private sealed record SeedRow(string Kind, Guid Id, object Details);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var path = configuration[SeedFileKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        SeedFile seed;
        await using (var stream = File.OpenRead(path))
        {
            seed = await JsonSerializer.DeserializeAsync<SeedFile>(stream, DirectoryJson.Options, cancellationToken)
                ?? throw new InvalidDataException($"Seed file {path} is empty.");
        }

        var rows = Parse<OrganizationDetails>(path, seed.Organizations, "organizations", DirectoryKinds.Organization, SeedChecks.Check)
            .Concat(Parse<ITwinDetails>(path, seed.ITwins, "iTwins", DirectoryKinds.ITwin, SeedChecks.Check))
            .Concat(Parse<IModelDetails>(path, seed.IModels, "iModels", DirectoryKinds.IModel, SeedChecks.Check))
            .ToList();

        await Parallel.ForEachAsync(
            rows,
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (row, token) => await store.WriteAsync(row.Kind, row.Id, row.Details, token));
        logger.LogInformation("Loaded seed file {Path}: {Rows} directory rows.", path, rows.Count);
    }

    private static List<SeedRow> Parse<T>(
        string path, IReadOnlyList<JsonElement>? items, string section, string kind, Func<T, string?> check)
        where T : class
    {
        var rows = new List<SeedRow>();
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var item = items![i];
            var where = $"{path}: {section}[{i}]";
            var idText = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var idElement)
                && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
            if (!Guid.TryParseExact(idText, "D", out var id))
            {
                throw new InvalidDataException($"{where}: 'id' must be a GUID.");
            }

            T details;
            try
            {
                details = item.Deserialize<T>(DirectoryJson.Options) ?? throw new InvalidDataException($"{where}: not an object.");
            }
            catch (JsonException exception)
            {
                throw new InvalidDataException($"{where}: {exception.Message}", exception);
            }

            if (check(details) is { } problem)
            {
                throw new InvalidDataException($"{where}: {problem}");
            }

            rows.Add(new SeedRow(kind, id, details));
        }

        return rows;
    }
}
