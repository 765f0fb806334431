using Microsoft.EntityFrameworkCore;
using Nervewise.Data;

namespace Nervewise.Web.Infrastructure;

/// <summary>
/// Sets EF Core up (its services, the compiled model, the connection) on a pool thread a moment after the app has
/// started, so the first page that reads the database does not pay for it. Start-up used to do this before the first
/// answer; done at once beside the start, it slowed the start by as much as it saved (docs/performance.md, round 7).
/// A request that needs EF Core sooner sets it up itself.
/// </summary>
internal sealed partial class DataWarmUp(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DataWarmUp> log) : BackgroundService
{
    public static readonly TimeSpan After = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(After, clock, stoppingToken);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NervewiseDbContext>();
            _ = db.Model;
            _ = db.Database.GetDbConnection();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before it was needed.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Only a head start: the first request that needs EF Core sets it up anyway, and reports what fails.
            LogWarmUpFailed(log, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Setting up EF Core ahead of the first request failed.")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);
}
