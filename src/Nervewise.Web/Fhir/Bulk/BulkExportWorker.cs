using Nervewise.Data.Fhir;

namespace Nervewise.Web.Fhir.Bulk;

/// <summary>Wakes this instance's worker when a job is queued here, so it starts at once instead of at the next poll.</summary>
public sealed class BulkExportSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one wake-up serves every job queued meanwhile.
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wake.Dispose();
}

/// <summary>
/// Takes queued bulk exports from the database and runs them, one at a time per instance; every instance may run one,
/// since a job is claimed atomically (see <see cref="BulkExportStore"/>). Also deletes expired jobs and their files.
/// </summary>
public sealed partial class BulkExportWorker(
    IServiceScopeFactory scopes, BulkExportSignal signal, TimeProvider clock, IConfiguration configuration, ILogger<BulkExportWorker> log)
    : BackgroundService
{
    /// <summary>How long the files of a finished export stay available.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Fhir:Bulk:PollSeconds", 5.0), 0.1, 300));
        // Waits before the first poll too: the work before the first await runs inside the host's start, before the app
        // answers anything, and a job queued meanwhile wakes the worker at once.
        while (await WaitAsync(poll, stoppingToken))
        {
            try
            {
                while (await RunOneAsync(stoppingToken))
                {
                }
                await using var scope = scopes.CreateAsyncScope();
                var now = clock.GetUtcNow();
                await scope.ServiceProvider.GetRequiredService<BulkExportStore>().TidyAsync(now, now + Keep, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database may be away for a moment; the next poll tries again.
                LogPollFailed(log, ex);
            }
        }
    }

    /// <summary>Until the next poll or wake-up; false when the app is stopping.</summary>
    private async Task<bool> WaitAsync(TimeSpan poll, CancellationToken stoppingToken)
    {
        try
        {
            await signal.WaitAsync(poll, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Claims and runs one job; false when none was waiting.</summary>
    public async Task<bool> RunOneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<BulkExportStore>();
        if (await store.ClaimAsync(clock.GetUtcNow(), cancellationToken) is not { } claim)
        {
            return false;
        }
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<BulkExportRunner>().RunAsync(claim, cancellationToken);
            var now = clock.GetUtcNow();
            if (result is not var (files, held) || !await store.CompleteAsync(held, files, now, now + Keep, cancellationToken))
            {
                LogClaimLost(log, claim.Job.Id);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogJobFailed(log, ex, claim.Job.Id);
            await using var failScope = scopes.CreateAsyncScope();
            var now = clock.GetUtcNow();
            await failScope.ServiceProvider.GetRequiredService<BulkExportStore>()
                .FailAsync(claim.Job.Id, "The export could not be completed. Please try again; if it fails again, tell the clinic's administrator.", now, now + Keep, CancellationToken.None);
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bulk export: the poll failed; trying again later.")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bulk export {JobId} failed.")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulk export {JobId} was cancelled or taken over by another instance; its result is dropped.")]
    private static partial void LogClaimLost(ILogger logger, Guid jobId);
}
