using System.Collections.Concurrent;

namespace Recents.Grains.Tests;

/// <summary>
/// An incoming grain call filter that records, in order, every grain call made on behalf of one recorded call: the
/// client marks it in the request context (<see cref="RecordAsync{T}"/>), and the mark flows to every call it causes.
/// </summary>
public sealed class GrainCallRecorder : IIncomingGrainCallFilter
{
    private const string MarkKey = "recents-tests.recorded-call";

    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<RecordedGrainCall>> calls = new();

    /// <summary>Makes <paramref name="call"/> from the client and returns the grain calls it caused, its own first.</summary>
    public async Task<IReadOnlyList<RecordedGrainCall>> RecordAsync<T>(Func<Task<T>> call)
    {
        var mark = Guid.NewGuid();
        var recorded = calls.GetOrAdd(mark, _ => new ConcurrentQueue<RecordedGrainCall>());
        RequestContext.Set(MarkKey, mark);
        try
        {
            await call();
        }
        finally
        {
            RequestContext.Remove(MarkKey);
            calls.TryRemove(mark, out _);
        }

        return [.. recorded];
    }

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (RequestContext.Get(MarkKey) is Guid mark && calls.TryGetValue(mark, out var recorded))
        {
            recorded.Enqueue(new RecordedGrainCall(context.InterfaceName, context.MethodName, context.TargetId));
        }

        return context.Invoke();
    }
}

/// <summary>One grain call: which method of which interface, on which grain.</summary>
public sealed record RecordedGrainCall(string Interface, string Method, GrainId Target)
{
    /// <summary>The call without its target: what two refusals must have in common.</summary>
    public string Operation => $"{Interface}.{Method}";

    public override string ToString() => $"{Operation} on {Target}";
}
