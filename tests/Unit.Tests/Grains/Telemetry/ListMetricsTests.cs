using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Recents.Grains.Telemetry;

namespace Recents.Unit.Tests.Grains.Telemetry;

public sealed class ListMetricsTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddListMetrics().BuildServiceProvider();
    private readonly MeterListener listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> measured = [];

    public ListMetricsTests()
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, listening) =>
        {
            if (instrument.Meter.Name == ListMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listening.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
    }

    [Fact]
    public void Written_CountsTheWriteAndRecordsTheSizeOfThatList()
    {
        services.GetRequiredService<ListMetrics>().Written(ListMetrics.Favorites, ListMetrics.Removed, size: 7);

        var write = Assert.Single(measured, measure => measure.Instrument == ListMetrics.WritesInstrument);
        Assert.Equal(1, write.Value);
        Assert.Equal(ListMetrics.Favorites, write.Tags[ListMetrics.ListTag]);
        Assert.Equal(ListMetrics.Removed, write.Tags[ListMetrics.ChangeTag]);
        var size = Assert.Single(measured, measure => measure.Instrument == ListMetrics.SizeInstrument);
        Assert.Equal(7, size.Value);
        Assert.Equal(ListMetrics.Favorites, size.Tags[ListMetrics.ListTag]);
    }

    [Theory]
    [InlineData(true, ListMetrics.Granted)]
    [InlineData(false, ListMetrics.NotFound)]
    public void Decided_CountsTheDecisionOfThatList(bool granted, string expected)
    {
        services.GetRequiredService<ListMetrics>().Decided(ListMetrics.Recents, granted);

        var decision = Assert.Single(measured);
        Assert.Equal(ListMetrics.AccessInstrument, decision.Instrument);
        Assert.Equal(expected, decision.Tags[ListMetrics.DecisionTag]);
        Assert.Equal(ListMetrics.Recents, decision.Tags[ListMetrics.ListTag]);
    }

    public void Dispose()
    {
        listener.Dispose();
        services.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        measured.Add((instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));
}
