namespace Recents.Integration.Tests.Telemetry;

/// <summary>A fact that needs the <c>prometheus</c> server on PATH; skipped, with how to install it, when it is not.</summary>
public sealed class PrometheusFactAttribute : FactAttribute
{
    public PrometheusFactAttribute()
    {
        if (PrometheusServer.Executable is null)
        {
            Skip = "prometheus is not on PATH: ./test.sh installs it (Debian: apt-get install prometheus).";
        }
    }
}
