namespace Recents.Api.Proxy;

public static class PublicOriginSetup
{
    /// <summary><see cref="PublicOrigin"/>, from the <c>Links</c> section, which the host checks at start.</summary>
    public static IServiceCollection AddPublicOrigin(this IServiceCollection services)
    {
        services.AddOptions<LinksOptions>()
            .BindConfiguration(LinksOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PublicOrigin>();
        return services;
    }
}
