using System.ComponentModel;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Recents.Api.Authentication;
using Recents.Api.Common;
using Recents.Api.ContentNegotiation;
using Recents.Api.Errors;
using Recents.Api.OpenApi;
using Recents.Api.RateLimiting;
using Recents.PlatformDirectory;

namespace Recents.Api.Admin;

/// <summary><c>/admin/...</c>: idempotent upserts and reads of the directory (docs/api.md#directory-administration), for <c>recents-admin</c> tokens.</summary>
public static class AdminEndpoints
{
    private const string EntryIdDescription = "The id of the organization, iTwin or iModel that the path names, a GUID other than the nil GUID.";

    private static readonly ErrorResult IModelMoved = ErrorResult.UnprocessableEntity(ApiErrors.InvalidRequestBody(
        [new ApiErrorDetail("InvalidValue", "An iModel belongs to one iTwin for life, even after it is deleted; it cannot be stored in another.", "iTwinId")]));

    private static readonly ErrorResult ITwinFull = ErrorResult.UnprocessableEntity(ApiErrors.InvalidRequestBody(
        [new ApiErrorDetail("InvalidValue", $"The iTwin's iModels, with this one, would take more than the {ITwinIModelsLimits.MaxSerializedBytes / 1024} KiB an iTwin can store; delete iModels of the iTwin or store a smaller one.", "iTwinId")]));

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin")
            .RequireAuthorization(AuthenticationSetup.AdminPolicy)
            .RequireRateLimiting(RateLimitingSetup.PerClientPolicy)
            .WithTags("Directory administration")
            .ProducesErrors(
                StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable);

        MapResource<OrganizationBody, OrganizationDetails, OrganizationDetails>(
            admin, "organizations", "organization", ApiErrors.OrganizationNotFound, body => body.ToDetails,
            (grains, id, details) => Accepted(grains.GetGrain<IOrganizationGrain>(id).SetAsync(details)),
            (grains, id) => grains.GetGrain<IOrganizationGrain>(id).GetAsync());
        MapResource<ITwinBody, ITwinDetails, ITwinDetails>(
            admin, "itwins", "iTwin", ApiErrors.ITwinNotFound, body => body.ToDetails,
            (grains, id, details) => Accepted(grains.GetGrain<IITwinGrain>(id).SetAsync(details)),
            (grains, id) => grains.GetGrain<IITwinGrain>(id).GetAsync());
        MapResource<IModelBody, IModelDetails, IModelBody>(
            admin, "imodels", "iModel", ApiErrors.IModelNotFound, body => body.ToDetails,
            async (grains, id, details) => await grains.GetGrain<IIModelGrain>(id).SetAsync(details) switch
            {
                IModelStoreResult.Stored => null,
                IModelStoreResult.BoundToAnotherITwin => IModelMoved,
                IModelStoreResult.ITwinFull => ITwinFull,
                var unknown => throw new UnreachableException($"No answer for the iModel store result {unknown}."),
            },
            async (grains, id) => await grains.GetGrain<IIModelGrain>(id).GetAsync() is { } details ? IModelBody.From(details) : null);
        admin.MapDelete("/imodels/{id}", async Task<Results<NoContent, ErrorResult>> (
            [Description("The iModel's id, a GUID.")] string id, IGrainFactory grains) =>
        {
            if (!DirectoryIds.TryParse(id, out var guid))
            {
                return ErrorResult.NotFound(ApiErrors.IModelNotFound);
            }

            await grains.GetGrain<IIModelGrain>(guid).DeleteAsync();
            return TypedResults.NoContent();
        })
            .WithName("DeleteIModel")
            .WithSummary("Delete an iModel")
            .WithDescription("Idempotent. The iModel leaves every recents list at the next request; its id stays bound to its iTwin.")
            .ProducesError(StatusCodes.Status404NotFound, "`iModelNotFound`: the id is not a GUID, or is the nil GUID.");
        admin.MapUserData();
        return app;
    }

    /// <summary>PUT (validate, then store) and GET of one kind of directory entry.</summary>
    private static void MapResource<TBody, TDetails, TResponse>(
        RouteGroupBuilder admin,
        string resource,
        string name,
        ApiError notFound,
        Func<TBody, Func<BodyErrors, TDetails?>> toDetails,
        Func<IGrainFactory, Guid, TDetails, Task<ErrorResult?>> store,
        Func<IGrainFactory, Guid, Task<TResponse?>> load)
        where TBody : class
        where TDetails : class
        where TResponse : class
    {
        var operation = char.ToUpperInvariant(name[0]) + name[1..];
        admin.MapPut($"/{resource}/{{id}}", ([Description(EntryIdDescription)] string id, HttpRequest request, AdminBodyReader reader, IGrainFactory grains) =>
            PutAsync(id, request, reader, toDetails, notFound, (guid, details) => store(grains, guid, details)))
            .WithName($"Put{operation}")
            .WithSummary($"Store an {name}")
            .WithDescription("Idempotent upsert: the body replaces whatever was stored under this id.")
            .Accepts<TBody>(MediaTypes.Json)
            .ProducesError(StatusCodes.Status404NotFound, $"`{notFound.Code}`: the id is not a GUID, or is the nil GUID.")
            .ProducesError(StatusCodes.Status413PayloadTooLarge)
            .ProducesError(StatusCodes.Status422UnprocessableEntity,
                "`InvalidRequestBody`: the body is not JSON of this shape, or fields are missing or invalid (an iModel also may not "
                + "move to another iTwin, nor make its iTwin's iModels exceed what an iTwin can store); `details` names each, its "
                + "target the field's path.");
        admin.MapGet($"/{resource}/{{id}}", ([Description(EntryIdDescription)] string id, IGrainFactory grains) =>
            GetAsync(id, notFound, guid => load(grains, guid)))
            .WithName($"Get{operation}")
            .WithSummary($"Read an {name}")
            .WithDescription("What was stored, in the shape of the PUT body.")
            .ProducesError(StatusCodes.Status404NotFound, $"`{notFound.Code}`: the id is not a GUID, or nothing is stored under it.");
    }

    /// <summary>A write the directory always accepts: no error once it is done.</summary>
    private static async Task<ErrorResult?> Accepted(Task write)
    {
        await write;
        return null;
    }

    private static async Task<Results<NoContent, ErrorResult>> PutAsync<TBody, TDetails>(
        string id,
        HttpRequest request,
        AdminBodyReader reader,
        Func<TBody, Func<BodyErrors, TDetails?>> toDetails,
        ApiError notFound,
        Func<Guid, TDetails, Task<ErrorResult?>> store)
        where TBody : class
        where TDetails : class
    {
        if (!DirectoryIds.TryParse(id, out var guid))
        {
            return ErrorResult.NotFound(notFound);
        }

        var (body, readError) = await reader.ReadAsync<TBody>(request);
        if (body is null)
        {
            return readError!;
        }

        var (details, validationError) = AdminBodyReader.Validate(toDetails(body));
        if (details is null)
        {
            return validationError!;
        }

        var refused = await store(guid, details);
        return refused is null ? TypedResults.NoContent() : refused;
    }

    private static async Task<Results<Ok<TDetails>, ErrorResult>> GetAsync<TDetails>(
        string id, ApiError notFound, Func<Guid, Task<TDetails?>> load)
        where TDetails : class
    {
        var details = DirectoryIds.TryParse(id, out var guid) ? await load(guid) : null;
        return details is null ? ErrorResult.NotFound(notFound) : TypedResults.Ok(details);
    }
}
