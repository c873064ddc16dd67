namespace Recents.Api.Admin;

public static class AdminSetup
{
    /// <summary>
    /// The directory administration: body validation, the seed file loaded at start, and the request log line of user
    /// data routes without the user id.
    /// </summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddSingleton<AdminBodyReader>();
        services.AddOptions<SeedFileOptions>().BindConfiguration(SeedFileOptions.SectionName);
        services.AddHostedService<SeedFileLoader>();
        services.AddHttpLoggingInterceptor<UserPathLogRedaction>();
        return services;
    }
}
