using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>A request's correlation id is in the scope of the log lines written while serving it (docs/api.md#common-rules).</summary>
[Collection(RecentsApiCollection.Name)]
public sealed class CorrelationLoggingTests(RecentsApiFixture fixture)
{
    [Fact]
    public async Task RequestLogLine_WithACorrelationIdSent_CarriesIt()
    {
        var correlationId = $"corr-{Guid.NewGuid():N}";
        var user = fixture.NewUser();

        using var response = await user.ListAsync(Guid.NewGuid(), configure: request => request.Headers.Add("X-Correlation-Id", correlationId));

        var line = await WaitForRequestLineAsync(correlationId);
        Assert.Contains("/imodels/recents", line.Message, StringComparison.Ordinal);
        Assert.Contains("404", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestLogLine_WithoutACorrelationId_CarriesTheGeneratedOneReturned()
    {
        using var response = await fixture.Client.GetAsync("/health/live");
        var returned = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));

        var line = await WaitForRequestLineAsync(returned);
        Assert.Contains("/health/live", line.Message, StringComparison.Ordinal);
    }

    /// <summary>The HTTP logging line of a request is written as the response completes, so it may trail the response a little.</summary>
    private async Task<CapturedLogLine> WaitForRequestLineAsync(string correlationId)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var line = fixture.ApiLogs.Lines.FirstOrDefault(candidate =>
                candidate.Category.StartsWith("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal)
                && candidate.Scope.TryGetValue("CorrelationId", out var value) && Equals(value, correlationId));
            if (line is not null)
            {
                return line;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No request log line in the scope of correlation id {correlationId}.");
    }
}
