using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Recents.Api.Common;
using Recents.Directory;

namespace Recents.Api.Admin;

/// <summary>
/// Loads the directory seed file named by <c>Directory:SeedFile</c> once the cluster client is connected:
/// <c>{"organizations": [...], "iTwins": [...], "iModels": [...]}</c>, each item an admin PUT body plus its
/// <c>id</c>. Items are upserts, so loading the same file again changes nothing. An invalid file stops
/// start-up with a message naming the bad item.
/// </summary>
public sealed class SeedFileLoader(
    IConfiguration configuration, IGrainFactory grains, IOptions<JsonOptions> jsonOptions, ILogger<SeedFileLoader> logger)
    : IHostedService
{
    public const string SeedFileKey = "Directory:SeedFile";

    private sealed record SeedFile(
        IReadOnlyList<JsonElement>? Organizations, IReadOnlyList<JsonElement>? ITwins, IReadOnlyList<JsonElement>? IModels);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = configuration[SeedFileKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        var options = jsonOptions.Value.SerializerOptions;
        await using var stream = File.OpenRead(path);
        var seed = await JsonSerializer.DeserializeAsync<SeedFile>(stream, options, cancellationToken)
            ?? throw new InvalidDataException($"Seed file {path} is empty.");

        foreach (var (id, details) in Items<OrganizationBody, OrganizationDetails>(seed.Organizations, "organizations", b => b.ToDetails))
        {
            await grains.GetGrain<IOrganizationGrain>(id).SetAsync(details);
        }

        foreach (var (id, details) in Items<ITwinBody, ITwinDetails>(seed.ITwins, "iTwins", b => b.ToDetails))
        {
            await grains.GetGrain<IITwinGrain>(id).SetAsync(details);
        }

        foreach (var (id, details) in Items<IModelBody, IModelDetails>(seed.IModels, "iModels", b => b.ToDetails))
        {
            if (!await grains.GetGrain<IIModelGrain>(id).SetAsync(details))
            {
                throw new InvalidDataException($"{path}: iModel {id} exists in another iTwin; an iModel cannot move.");
            }
        }

        logger.LogInformation(
            "Loaded seed file {Path}: {Organizations} organizations, {ITwins} iTwins, {IModels} iModels.",
            path, seed.Organizations?.Count ?? 0, seed.ITwins?.Count ?? 0, seed.IModels?.Count ?? 0);

        IEnumerable<(Guid Id, TDetails Details)> Items<TBody, TDetails>(
            IReadOnlyList<JsonElement>? items, string section, Func<TBody, Func<BodyErrors, TDetails?>> toDetails)
            where TBody : class
            where TDetails : class
        {
            for (var i = 0; i < (items?.Count ?? 0); i++)
            {
                var item = items![i];
                var where = $"{path}: {section}[{i}]";
                var idText = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var idElement)
                    && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
                if (!Ids.TryParse(idText, out var id))
                {
                    throw new InvalidDataException($"{where}: 'id' must be a GUID.");
                }

                var body = item.Deserialize<TBody>(options) ?? throw new InvalidDataException($"{where}: not an object.");
                var errors = new BodyErrors();
                var details = toDetails(body)(errors) ?? throw new InvalidDataException(
                    $"{where}: {string.Join("; ", errors.Details.Select(detail => $"{detail.Target}: {detail.Message}"))}");
                yield return (id, details);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
