namespace Recents.Api.Admin;

public static class AdminSetup
{
    /// <summary>The directory administration: body validation, and the seed file loaded at start.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddSingleton<AdminBodyReader>();
        services.AddOptions<SeedFileOptions>().BindConfiguration(SeedFileOptions.SectionName);
        services.AddHostedService<SeedFileLoader>();
        return services;
    }
}
