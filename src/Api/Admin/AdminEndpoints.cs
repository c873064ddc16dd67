using Microsoft.AspNetCore.Http.HttpResults;
using Recents.Api.Authentication;
using Recents.Api.Common;
using Recents.Api.Errors;
using Recents.Directory;

namespace Recents.Api.Admin;

/// <summary><c>/admin/...</c>: idempotent upserts and reads of the directory (contract §5), for <c>recents-admin</c> tokens.</summary>
public static class AdminEndpoints
{
    private static readonly ErrorResult IModelMoved = ErrorResult.UnprocessableEntity(ApiErrors.InvalidRequestBody(
        [new ApiErrorDetail("InvalidValue", "An iModel belongs to one iTwin for life, even after it is deleted; it cannot be stored in another.", "iTwinId")]));

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin")
            .RequireAuthorization(AuthenticationSetup.AdminPolicy)
            .WithTags("Directory administration");

        admin.MapPut("/organizations/{id}", (string id, HttpRequest request, AdminBodyReader reader, IGrainFactory grains) =>
            PutAsync<OrganizationBody, OrganizationDetails>(id, request, reader, body => body.ToDetails, ApiErrors.OrganizationNotFound,
                async (guid, details) =>
                {
                    await grains.GetGrain<IOrganizationGrain>(guid).SetAsync(details);
                    return null;
                }));
        admin.MapGet("/organizations/{id}", (string id, IGrainFactory grains) =>
            GetAsync(id, ApiErrors.OrganizationNotFound, guid => grains.GetGrain<IOrganizationGrain>(guid).GetAsync()));

        admin.MapPut("/itwins/{id}", (string id, HttpRequest request, AdminBodyReader reader, IGrainFactory grains) =>
            PutAsync<ITwinBody, ITwinDetails>(id, request, reader, body => body.ToDetails, ApiErrors.ITwinNotFound,
                async (guid, details) =>
                {
                    await grains.GetGrain<IITwinGrain>(guid).SetAsync(details);
                    return null;
                }));
        admin.MapGet("/itwins/{id}", (string id, IGrainFactory grains) =>
            GetAsync(id, ApiErrors.ITwinNotFound, guid => grains.GetGrain<IITwinGrain>(guid).GetAsync()));

        admin.MapPut("/imodels/{id}", (string id, HttpRequest request, AdminBodyReader reader, IGrainFactory grains) =>
            PutAsync<IModelBody, IModelDetails>(id, request, reader, body => body.ToDetails, ApiErrors.IModelNotFound,
                async (guid, details) => await grains.GetGrain<IIModelGrain>(guid).SetAsync(details) ? null : IModelMoved));
        admin.MapGet("/imodels/{id}", (string id, IGrainFactory grains) =>
            GetAsync(id, ApiErrors.IModelNotFound, async guid =>
                await grains.GetGrain<IIModelGrain>(guid).GetAsync() is { } details ? IModelBody.From(details) : null));
        admin.MapDelete("/imodels/{id}", async Task<Results<NoContent, ErrorResult>> (string id, IGrainFactory grains) =>
        {
            if (!Ids.TryParse(id, out var guid))
            {
                return ErrorResult.NotFound(ApiErrors.IModelNotFound);
            }

            await grains.GetGrain<IIModelGrain>(guid).DeleteAsync();
            return TypedResults.NoContent();
        });
        return app;
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
        if (!Ids.TryParse(id, out var guid))
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
        var details = Ids.TryParse(id, out var guid) ? await load(guid) : null;
        return details is null ? ErrorResult.NotFound(notFound) : TypedResults.Ok(details);
    }
}
