using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Recents.Api.Authentication;
using Recents.Deployment.Tests.Infrastructure;

namespace Recents.Deployment.Tests;

/// <summary>The authority and audience in the API Deployment reach JwtBearer through the API's own setup.</summary>
public sealed class ApiAuthenticationTests
{
    [Fact]
    public void AuthorityAndAudience_FromTheManifests_ReachJwtBearer()
    {
        var variables = ServiceProcess.Api.ContainerVariables().ToDictionary(variable => variable.Name, variable => variable.Value);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(ServiceProcess.Api.Configuration());
        builder.Services.AddBearerAuthentication();
        using var app = builder.Build();

        // Resolving also runs JwtBearer's own checks, such as an https authority.
        var options = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        Assert.Equal(variables["Authentication__Schemes__Bearer__Authority"], options.Authority);
        Assert.Contains(variables["Authentication__Schemes__Bearer__ValidAudiences__0"], options.TokenValidationParameters.ValidAudiences);
    }
}
