using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.HttpOverrides;
using Recents.Api.Admin;
using Recents.Api.Authentication;
using Recents.Api.Benchmark;
using Recents.Api.Correlation;
using Recents.Api.Errors;
using Recents.Api.Health;
using Recents.Api.Hosting;
using Recents.Api.OpenApi;
using Recents.Api.RateLimiting;
using Recents.Api.RecentIModels;
using Recents.Api.RequestLimits;
using Recents.Gatekeeper;

var builder = WebApplication.CreateBuilder(args);

builder.Logging.AddSimpleConsole(options =>
{
    options.IncludeScopes = true;
    options.SingleLine = true;
    options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
    options.UseUtcTimestamp = true;
});
builder.WebHost.ConfigureKestrel(kestrel => RequestSizeLimits.ApplyTo(kestrel.Limits));

builder.AddRecentsClusterClient();
builder.Services.AddBearerAuthentication();
builder.Services.AddErrorEnvelope(builder.Configuration);
builder.Services.AddRecentsHealthChecks();
builder.Services.AddRecentsOpenApi();
builder.Services.AddPerClientRateLimiting(builder.Configuration);
builder.Services.AddBenchmarkHooks(builder.Configuration);
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
// One line per request (method, path, status, duration), in the request's correlation scope. No headers:
// they carry bearer tokens.
builder.Services.AddHttpLogging(options =>
{
    options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
        | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
    options.CombineLogs = true;
});
// One reference for every request: a stateless worker answers on whichever silo the call reaches.
builder.Services.AddSingleton(services => services.GetRequiredService<IGrainFactory>().GetGrain<IRecentsGatekeeperGrain>(0));
builder.Services.AddSingleton<AdminBodyReader>();
builder.Services.AddHostedService<SeedFileLoader>();

var trustForwardedHeaders = builder.Configuration.GetValue<bool>("ForwardedHeaders:Enabled");
builder.Services.Configure<ForwardedHeadersOptions>(options =>
{
    options.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
    // The proxy in front of the API is the only way in, so its headers are trusted whatever its address.
    options.KnownIPNetworks.Clear();
    options.KnownProxies.Clear();
});

var app = builder.Build();

app.UseMiddleware<CorrelationIdMiddleware>();
app.UseHttpLogging();
app.UseMiddleware<RequestLimitsMiddleware>();
if (trustForwardedHeaders)
{
    app.UseForwardedHeaders();
}

app.UseErrorEnvelope();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapRecentsHealthChecks();
app.MapRecentIModels();
app.MapAdmin();
app.MapBenchmarkCeiling();
app.MapRecentsOpenApi();

app.Run();

/// <summary>The API's entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
