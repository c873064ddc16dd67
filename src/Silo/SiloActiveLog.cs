namespace Recents.Silo;

/// <summary>
/// Logs one line once this silo has joined the cluster and takes calls (Orleans' Active stage). Its gateway port
/// accepts TCP connections earlier, while the silo is still joining, so a listening port does not say that; this
/// line does. <c>./run.sh</c> waits for it.
/// </summary>
internal sealed class SiloActiveLog(ILocalSiloDetails silo, ILogger<SiloActiveLog> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloActiveLog), ServiceLifecycleStage.Active + 1, _ =>
        {
            logger.LogInformation("Silo {SiloAddress} is active in cluster {ClusterId}.", silo.SiloAddress, silo.ClusterId);
            return Task.CompletedTask;
        });
}
