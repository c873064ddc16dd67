using Recents.Api.Admin;
using Recents.Api.Authentication;
using Recents.Api.Benchmark;
using Recents.Api.ClusterClient;
using Recents.Api.Correlation;
using Recents.Api.Errors;
using Recents.Api.Favorites;
using Recents.Api.Health;
using Recents.Api.Logging;
using Recents.Api.Management;
using Recents.Api.OpenApi;
using Recents.Api.Proxy;
using Recents.Api.RateLimiting;
using Recents.Api.RecentIModels;
using Recents.Api.RequestLimits;
using Recents.Api.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.AddRecentsLogging();
builder.AddApiTelemetry();
builder.WebHost.ConfigureKestrel(KestrelSettings.Apply);
builder.AddRecentsClusterClient();
builder.Services.AddBearerAuthentication();
builder.Services.AddErrorEnvelope();
builder.Services.AddProxyHeaders();
builder.Services.AddPublicOrigin();
builder.Services.AddRecentsHealthChecks();
builder.Services.AddManagement();
builder.Services.AddRecentsOpenApi();
builder.Services.AddPerClientRateLimiting();
builder.Services.AddRecentIModels();
builder.Services.AddFavorites();
builder.Services.AddAdmin();
builder.Services.AddBenchmarkHooks();

var app = builder.Build();

app.UseMiddleware<CorrelationIdMiddleware>();
app.UseHttpLogging();
app.UseMiddleware<RequestLimitsMiddleware>();
app.UseForwardedHeaders();
app.UseErrorEnvelope();
app.UseRouting();
app.UseManagementPort();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapRecentsHealthChecks();
app.MapRecentIModels();
app.MapFavoriteIModels();
app.MapAdmin();
app.MapBenchmarkCeiling();
app.MapRecentsOpenApi();
app.MapManagement();

app.Run();

/// <summary>The API's entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
