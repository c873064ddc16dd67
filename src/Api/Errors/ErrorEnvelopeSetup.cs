using Microsoft.AspNetCore.Builder;

namespace Recents.Api.Errors;

public static class ErrorEnvelopeSetup
{
    public static IServiceCollection AddErrorEnvelope(this IServiceCollection services)
    {
        services.AddOptions<UnavailabilityOptions>()
            .BindConfiguration(UnavailabilityOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ServiceUnavailableResponse>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    /// <summary>
    /// Exceptions, and bodiless error statuses the framework produces (unknown route, wrong method,
    /// oversized request), are answered in the envelope instead of a framework default.
    /// </summary>
    public static IApplicationBuilder UseErrorEnvelope(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Reached only if ApiExceptionHandler declines, which it does not; kept so no framework page can appear.
            ExceptionHandler = context => ErrorResult.WriteAsync(
                context.Response, StatusCodes.Status500InternalServerError, ApiErrors.InternalServerError),
        });
        app.UseStatusCodePages(context =>
        {
            var response = context.HttpContext.Response;
            return ErrorResult.WriteAsync(response, response.StatusCode, ApiErrors.ForStatus(response.StatusCode));
        });
        return app;
    }
}
