using System.Text.Json;
using System.Text.Json.Serialization;
using Recents.Bench.Alternative.Access;
using Recents.Bench.Alternative.Authentication;
using Recents.Bench.Alternative.Errors;
using Recents.Bench.Alternative.RecentIModels;
using Recents.Bench.Alternative.Storage;

// The benchmark's alternative: a stateless ASP.NET Core service, any number of instances behind a load
// balancer, each request reading (and for POST, writing back under an ETag) the user's row in Azure Table.
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddBearerAuthentication();
builder.Services.AddTableStorage(builder.Configuration);
builder.Services.Configure<RecentsWriteOptions>(builder.Configuration.GetSection(RecentsWriteOptions.SectionName));
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
builder.Services.AddSingleton<DirectoryStore>();
builder.Services.AddSingleton<DirectoryReader>();
builder.Services.AddSingleton<DirectoryAccess>();
builder.Services.AddSingleton<SeedFileLoader>();
builder.Services.AddSingleton<RecentsStore>();
builder.Services.AddHostedService<StorageInitializer>();

var app = builder.Build();

app.UseMiddleware<StorageFailureMiddleware>();
app.UseAuthentication();
app.UseAuthorization();

// Liveness without authentication; /health is what bench/run.sh waits for. Storage was reached at start.
app.MapGet("/health", () => TypedResults.Ok());
app.MapGet("/health/live", () => TypedResults.Ok());
app.MapRecentIModels();

app.Run();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
