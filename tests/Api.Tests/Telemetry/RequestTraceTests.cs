using System.Diagnostics;
using System.Net;
using Recents.Api.Correlation;
using Recents.Api.Errors;
using Recents.Api.Telemetry;
using Recents.Api.Tests.Infrastructure;
using Recents.Grains.RecentIModels;
using Xunit.Abstractions;

namespace Recents.Api.Tests.Telemetry;

/// <summary>
/// A request is one trace across the API and the silo, down to the storage write it causes; its server span carries
/// the caller's correlation id and the error code of its answer.
/// </summary>
public sealed class RequestTraceTests(TracedApiFixture traced, ITestOutputHelper output) : IClassFixture<TracedApiFixture>
{
    private const string AspNetCore = "Microsoft.AspNetCore";
    private const string OrleansCalls = "Microsoft.Orleans.Application";
    private const string OrleansStorage = "Microsoft.Orleans.Storage";
    private const string AzureTables = "Azure.Data.Tables.TableClient";
    private const string AzureHttp = "Azure.Core.Http";

    [Fact]
    public async Task OneAdd_WithoutACorrelationId_IsOneTraceFromTheRequestToTheTableWrite()
    {
        var user = traced.NewUser();
        var directory = await traced.NewDirectory().WithViewer(user.Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();
        var userGrain = $"recentimodels/{UserKey.FromUserId(user.Id)}";

        using var response = await user.AddAsync(iModelId);

        await ApiAssert.NoContentAsync(response);
        var correlationId = Assert.Single(response.Headers.GetValues(CorrelationIdMiddleware.HeaderName));
        var traceId = ActivityTraceId.CreateFromString(correlationId);
        var trace = await traced.TraceAsync(traceId);
        output.WriteLine(TraceTree.Describe(trace));

        var root = Assert.Single(trace, span => span.ParentSpanId == default);
        Assert.Equal((AspNetCore, ActivityKind.Server, "POST /imodels/recents/{id}"), (root.Source.Name, root.Kind, root.DisplayName));
        Assert.Equal($"/imodels/recents/{iModelId}", root.GetTagItem("url.path"));
        Assert.Null(root.GetTagItem(CorrelationIdMiddleware.SpanTag));
        var spanIds = trace.Select(span => span.SpanId).ToHashSet();
        Assert.All(trace.Where(span => span != root), span => Assert.Contains(span.ParentSpanId, spanIds));

        var gatekeeperCall = ChildOf(trace, root, OrleansCalls, ActivityKind.Client, "IRecentsGatekeeperGrain/AddAsync");
        var gatekeeper = ChildOf(trace, gatekeeperCall, OrleansCalls, ActivityKind.Server, "IRecentsGatekeeperGrain/AddAsync");
        var userGrainCall = ChildOf(trace, gatekeeper, OrleansCalls, ActivityKind.Client, "IRecentIModelsGrain/AddAsync");
        var userGrainServer = ChildOf(trace, userGrainCall, OrleansCalls, ActivityKind.Server, "IRecentIModelsGrain/AddAsync");
        Assert.Equal(userGrain, userGrainServer.GetTagItem("orleans.rpc.target_id"));
        var write = ChildOf(trace, userGrainServer, OrleansStorage, ActivityKind.Client, "write storage");
        Assert.Equal(userGrain, write.GetTagItem("orleans.grain.id"));
        var tableCall = Assert.Single(trace, span => span.Source.Name == AzureTables && span.ParentSpanId == write.SpanId);
        Assert.Contains(trace, span => span.Source.Name == AzureHttp && span.ParentSpanId == tableCall.SpanId
            && Equals(span.GetTagItem("http.response.status_code"), 204));

        // Every span of the user's grain, wherever it was captured, belongs to this one trace.
        Assert.All(traced.Telemetry.Spans.Where(span => Equals(span.GetTagItem("orleans.rpc.target_id"), userGrain)), span =>
            Assert.Equal(traceId, span.TraceId));
    }

    [Fact]
    public async Task ServerSpan_WithACorrelationIdSent_CarriesItAsATag()
    {
        var user = traced.NewUser();
        var correlationId = $"corr-{Guid.NewGuid():N}";

        using var response = await user.ListAsync(
            Guid.NewGuid(), configure: ApiClient.Header(CorrelationIdMiddleware.HeaderName, correlationId));

        Assert.Equal(correlationId, Assert.Single(response.Headers.GetValues(CorrelationIdMiddleware.HeaderName)));
        var span = await traced.ServerSpanAsync(span => Equals(span.GetTagItem(CorrelationIdMiddleware.SpanTag), correlationId));
        Assert.Equal("/imodels/recents", span.GetTagItem("url.path"));
    }

    [Fact]
    public async Task ServerSpan_OfA404_CarriesTheErrorCode()
    {
        var user = traced.NewUser();

        using var response = await user.AddAsync(Guid.NewGuid());

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, ApiErrors.IModelNotFound.Code);
        var traceId = ActivityTraceId.CreateFromString(Assert.Single(response.Headers.GetValues(CorrelationIdMiddleware.HeaderName)));
        var span = await traced.ServerSpanAsync(span => span.TraceId == traceId);
        Assert.Equal(ApiErrors.IModelNotFound.Code, span.GetTagItem(ErrorCodeTag.Name));
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
    }

    private static Activity ChildOf(IReadOnlyList<Activity> trace, Activity parent, string source, ActivityKind kind, string name) =>
        Assert.Single(trace, span =>
            span.ParentSpanId == parent.SpanId && span.Source.Name == source && span.Kind == kind && span.DisplayName == name);
}
