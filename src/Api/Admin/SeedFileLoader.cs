using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Recents.PlatformDirectory;

namespace Recents.Api.Admin;

/// <summary>
/// Loads the directory seed file named by <see cref="SeedFileOptions.SeedFile"/> once the cluster client is connected:
/// <c>{"organizations": [...], "iTwins": [...], "iModels": [...]}</c>, each item an admin PUT body plus its
/// <c>id</c>. Every item is validated before any is written, and an invalid file stops start-up with a
/// message naming the bad item. Items are upserts, so loading the same file again changes nothing; an
/// iModel the directory already binds to another iTwin, or that its iTwin has no room for (which only storing it can
/// tell), is left as it is, with a warning, and the rest of the file is still loaded.
/// </summary>
public sealed class SeedFileLoader(
    IOptions<SeedFileOptions> options, IGrainFactory grains, IOptions<JsonOptions> jsonOptions, ILogger<SeedFileLoader> logger)
    : IHostedService
{
    private sealed record SeedFile(
        IReadOnlyList<JsonElement>? Organizations, IReadOnlyList<JsonElement>? ITwins, IReadOnlyList<JsonElement>? IModels);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.SeedFile;
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        SeedFile seed;
        await using (var stream = File.OpenRead(path))
        {
            seed = await JsonSerializer.DeserializeAsync<SeedFile>(stream, jsonOptions.Value.SerializerOptions, cancellationToken)
                ?? throw new InvalidDataException($"Seed file {path} is empty.");
        }

        var organizations = Parse<OrganizationBody, OrganizationDetails>(path, seed.Organizations, "organizations", body => body.ToDetails);
        var iTwins = Parse<ITwinBody, ITwinDetails>(path, seed.ITwins, "iTwins", body => body.ToDetails);
        var iModels = Parse<IModelBody, IModelDetails>(path, seed.IModels, "iModels", body => body.ToDetails);

        foreach (var (id, details) in organizations)
        {
            await grains.GetGrain<IOrganizationGrain>(id).SetAsync(details);
        }

        foreach (var (id, details) in iTwins)
        {
            await grains.GetGrain<IITwinGrain>(id).SetAsync(details);
        }

        foreach (var (id, details) in iModels)
        {
            switch (await grains.GetGrain<IIModelGrain>(id).SetAsync(details))
            {
                case IModelStoreResult.BoundToAnotherITwin:
                    logger.LogWarning("Seed iModel {IModelId} belongs to another iTwin than {ITwinId}; left as it is.", id, details.ITwinId);
                    break;
                case IModelStoreResult.ITwinFull:
                    logger.LogWarning("Seed iModel {IModelId} does not fit in iTwin {ITwinId}, which has no room left; not stored.", id, details.ITwinId);
                    break;
            }
        }

        logger.LogInformation(
            "Loaded seed file {Path}: {Organizations} organizations, {ITwins} iTwins, {IModels} iModels.",
            path, organizations.Count, iTwins.Count, iModels.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private List<(Guid Id, TDetails Details)> Parse<TBody, TDetails>(
        string path, IReadOnlyList<JsonElement>? items, string section, Func<TBody, Func<BodyErrors, TDetails?>> toDetails)
        where TBody : class
        where TDetails : class
    {
        var parsed = new List<(Guid, TDetails)>();
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var item = items![i];
            var where = $"{path}: {section}[{i}]";
            var idText = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var idElement)
                && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
            if (!DirectoryIds.TryParse(idText, out var id))
            {
                throw new InvalidDataException($"{where}: 'id' must be a GUID other than the nil GUID.");
            }

            var body = item.Deserialize<TBody>(jsonOptions.Value.SerializerOptions) ?? throw new InvalidDataException($"{where}: not an object.");
            var errors = new BodyErrors();
            var details = toDetails(body)(errors) ?? throw new InvalidDataException(
                $"{where}: {string.Join("; ", errors.Details.Select(detail => $"{detail.Target}: {detail.Message}"))}");
            parsed.Add((id, details));
        }

        return parsed;
    }
}
