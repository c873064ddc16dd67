namespace Recents.Grains.Errors;

/// <summary>
/// Answers a grain call that failed with a <see cref="TimeoutException"/> with a timeout that has no inner exception.
/// Orleans' own timeouts can carry one that Orleans cannot serialize: a grain placement that times out wraps Polly's
/// <c>TimeoutRejectedException</c>. Sent back as it is, the answer turns into a <c>CodecNotFoundException</c> on the
/// way, and the API answers 500 where a timeout is a 503 (docs/api.md#unavailability). The inner exception's type
/// and message stay in the message; the silo has already logged the whole exception.
/// </summary>
public sealed class SerializableTimeoutFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (TimeoutException timeout) when (timeout.InnerException is { } inner)
        {
            throw new TimeoutException($"{timeout.Message} ({inner.GetType().FullName}: {inner.Message})");
        }
    }
}
