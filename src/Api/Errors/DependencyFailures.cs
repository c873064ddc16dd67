using System.Net.Sockets;
using Azure;
using Orleans.Runtime;

namespace Recents.Api.Errors;

/// <summary>Tells an outage of the grain cluster or its storage (a 503) from a bug (a 500).</summary>
public static class DependencyFailures
{
    public static bool IsUnavailability(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is OrleansException or TimeoutException or RequestFailedException or SocketException
                or OperationCanceledException)
            {
                return true;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(IsUnavailability))
            {
                return true;
            }
        }

        return false;
    }
}
